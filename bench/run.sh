#!/usr/bin/env bash
# Benchmark of Commitment Tracker, written to bench/REPORT.md: fills a fresh database with the large case through the
# service's own code, then measures one-row reads beside pgbench -S, the roll-ups and the overdue listing at a fixed
# rate beside their query plans, POST /progress-reports at a fixed rate, and start-up time and memory beside a minimal
# Quarkus app built in the same run (bench/minimal). Not run by CI: it takes about ten minutes on an idle two-core machine.
# Usage: bench/run.sh            (BENCH_PORT, BENCH_MINIMAL_PORT choose the ports; default 8095, 8096)
# Needs: Java 17, python3, the PostgreSQL client tools and a PostgreSQL at 127.0.0.1:5432 (user postgres, trust);
# installs wrk and hey from Debian when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in wrk hey; do
  command -v "$tool" >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk hey >/dev/null; }
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "no PostgreSQL at 127.0.0.1:5432" >&2; exit 1; }
# The service as the Dockerfile runs it: with an AppCDS archive of the classes start-up loads, the serial collector (one
# GC thread is enough on two cores) and a heap that starts at 32 MB and grows as the load needs.
./mvnw -B -q -DskipTests package -Dquarkus.package.jar.appcds.enabled=true
./mvnw -B -q -f bench/minimal/pom.xml -DskipTests package
# Measured from a copy (dates kept: the AppCDS archive checks them), so that a build during the run cannot change it.
rm -rf target/bench/service && mkdir -p target/bench && cp -a target/quarkus-app target/bench/service
export SERVICE_JAVA_OPTS="-XX:SharedArchiveFile=target/bench/service/app-cds.jsa -XX:+UseSerialGC -Xms32m"
python3 bench/bench.py --service target/bench/service/quarkus-run.jar \
  --minimal bench/minimal/target/quarkus-app/quarkus-run.jar --report bench/REPORT.md \
  --port "${BENCH_PORT:-8095}" --minimal-port "${BENCH_MINIMAL_PORT:-8096}"
