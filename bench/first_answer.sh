#!/usr/bin/env bash
# The first answer after a write, endpoint by endpoint, for one build of the service against a database already
# filled with the large case: run it for two builds in turn on the same database to compare them side by side.
# Usage: bench/first_answer.sh <quarkus-app directory> <label> [database, default bench_keep]
# Each answer is asked right after a write to one report of the first department's first target, seven times after a
# 40 s warm-up of the same; prints the median and the service's resident memory at the end.
set -euo pipefail
app=$1 label=$2 db=${3:-bench_keep}
q() { psql -h 127.0.0.1 -U postgres -d "$db" -Atqc "$1"; }
cd "$app"
QUARKUS_FLYWAY_VALIDATE_ON_MIGRATE=false TRACKER_AUTH_ALLOW_DEVELOPMENT_KEY=true QUARKUS_HTTP_PORT=8201 \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$db QUARKUS_DATASOURCE_USERNAME=postgres \
  java -XX:+UseSerialGC -Xms32m -jar quarkus-run.jar > "/tmp/first-answer-$label.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT
r=$(q "select id from round where title like '%(seed 20210401)%'")
d=$(q "select id from department where code like 'lc%-0'")
t=$(q "select t.id from target t join commitment c on c.id = t.commitment_id join department d on d.id = c.department_id
       where d.code like 'lc%-0' and c.seq = 1 order by t.id limit 1")
p=$(q "select id from progress_report where target_id = '$t' limit 1")
until curl -s -o /dev/null -f "localhost:8201/api/v1/targets/$t"; do sleep 0.3; done
paths="rounds/$r/progress departments/$d/progress progress?quarter=2022-Q2&groupBy=department&roundId=$r
progress?quarter=2022-Q2&groupBy=commitment&roundId=$r targets/$t/progress milestones?overdue=true&asOf=2022-06-30&roundId=$r"
end=$((SECONDS + 40))
while [ $SECONDS -lt $end ]; do
  for path in $paths; do q "update progress_report set value = value where id = '$p'"; curl -s -o /dev/null "localhost:8201/api/v1/$path"; done
done
for path in $paths; do
  times=""
  for _ in 1 2 3 4 5 6 7; do
    q "update progress_report set value = value where id = '$p'"
    times="$times $(curl -s -o /dev/null -w '%{time_total}' "localhost:8201/api/v1/$path")"
  done
  echo "$label $(echo $times | tr ' ' '\n' | sort -n | sed -n 4p | awk '{printf "%.0f", $1 * 1000}') ms" \
    "$(echo "$path" | sed -E 's/[0-9a-f-]{36}/{id}/g')"
done
echo "$label RSS at the end: $(ps -o rss= -p $pid | awk '{print int($1 / 1024)}') MB"
