#!/usr/bin/env bash
# Benchmark of Commitment Tracker: builds the service, starts it on a fresh database, loads a large synthetic round
# through the API, then measures latency and throughput of the main read endpoints and the service's memory.
# Usage: bench/run.sh            (writes bench/REPORT.md)
# Needs: Java 17, python3; uses the PostgreSQL at 127.0.0.1:5432 when it answers, else the embedded one.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PORT:-8095}
DB=bench_$(date +%s)

./mvnw -B -q -DskipTests package
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  psql -h 127.0.0.1 -U postgres -qc "create database $DB"
  export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB QUARKUS_DATASOURCE_USERNAME=postgres
  trap 'kill $PID 2>/dev/null; sleep 2; psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB with (force)"' EXIT
else
  export TRACKER_EMBEDDED_DB_DATA_DIR=$(mktemp -d)/pgdata
  trap 'kill $PID 2>/dev/null' EXIT
fi
QUARKUS_HTTP_PORT=$PORT java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/q/openapi" >/dev/null && break; sleep 1; done
python3 bench/load.py --base "http://127.0.0.1:$PORT/api/v1" --pid "$PID" --report bench/REPORT.md \
  --command "bench/run.sh"
