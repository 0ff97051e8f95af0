#!/usr/bin/env bash
# The database's share of the write cases: each write statement the service sends, against its
# ceiling's, run by pgbench straight on PostgreSQL (no HTTP, no JavaScript), alternating rounds.
# Usage: bench/statements.sh [seconds per round, default 10] [rounds, default 3]
# Needs pgbench and PostgreSQL at DATABASE_URL's server (default 127.0.0.1:5432, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
rounds=${2:-3}
server=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}
db="bench_statements_$$"
admin() { psql "$server" -qAtc "$1"; }
admin "create database $db"
trap 'admin "drop database if exists $db with (force)" >/dev/null' EXIT
url="${server%/*}/$db"
JWT_SECRET="statements-$(head -c 24 /dev/urandom | base64)" DATABASE_URL="$url" \
  deno task migrate >/dev/null 2>&1
psql "$url" -q <<'SQL'
insert into users (name, email, password_hash) values ('Bench', 'bench@bench.test', 'x');
insert into doctors (created_by, name, specialization, email)
  select 1, 'Doctor ' || i, 'cardiology', 'doctor' || i || '@bench.test'
  from generate_series(1, 2000) i;
insert into patients (created_by, name, gender) select 1, 'Patient ' || i, 'female'
  from generate_series(1, 5000) i;
create sequence bench_pairs;
vacuum analyze;
SQL
run() {
  pgbench -n -M prepared -c 10 -j 2 -T "$seconds" -f "bench/statements/$1.sql" "$url" 2>/dev/null |
    sed -nE 's/^tps = ([0-9.]+).*/\1/p; s/^latency average = ([0-9.]+) ms/\1/p' | paste -sd' '
}
printf '| round | statement | tx/s | mean latency ms |\n| ---: | --- | ---: | ---: |\n'
for round in $(seq 1 "$rounds"); do
  for script in patient_ceiling patient_service mapping_ceiling mapping_insert_event mapping_service; do
    read -r latency tps <<<"$(run "$script")"
    printf '| %s | %s | %.0f | %s |\n' "$round" "$script" "$tps" "$latency"
  done
done
