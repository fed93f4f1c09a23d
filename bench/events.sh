#!/usr/bin/env bash
# Measures the real-time event stream on this machine, in one bounded command (about 90 s):
#
#   1. what a NOTIFY costs the write path: pgbench inserting events, (a) alone, (b) with a
#      pg_notify in every writing transaction (a trigger or an in-transaction NOTIFY), and
#      (c) alone again while one more connection sends notifications back to back, the
#      most the server's coalescing after-commit sender can send (it has one in flight);
#   2. latency from commit to client with BENCH_STREAMS open streams spread over
#      BENCH_WORKSPACES workspaces while messages are posted at BENCH_RATE per second.
#
# It starts a throwaway PostgreSQL 15 cluster and the server (target/woes.jar, built if
# missing) on free ports of 127.0.0.1, and stops what it started by PID and deletes its
# files, also when interrupted or when BENCH_TIME_LIMIT runs out. docs/benchmarks.md
# ("Real-time stream") explains the figures.
#
# Settings (environment):
#   BENCH_PARTS="notify latency"  which of the two to run
#   BENCH_STREAMS=1000  BENCH_WORKSPACES=10  BENCH_RATE=20  BENCH_SECONDS=20
#   BENCH_PGBENCH_SECONDS=10  BENCH_CONNECTIONS=16  BENCH_THREADS=2
#   BENCH_PG_BIN=/usr/lib/postgresql/15/bin  BENCH_TIME_LIMIT=240  BENCH_TMPDIR=${TMPDIR:-/tmp}
#   WOES_JAR=target/woes.jar  JAVA_HOME (used when it is Java 21+)
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
[ "${1:-}" = --help ] || [ "${1:-}" = -h ] && { sed -n '2,/^set -E/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0; }

STREAMS=${BENCH_STREAMS:-1000}
WORKSPACES=${BENCH_WORKSPACES:-10}
RATE=${BENCH_RATE:-20}
SECONDS_MEASURED=${BENCH_SECONDS:-20}
PGBENCH_SECONDS=${BENCH_PGBENCH_SECONDS:-10}
PARTS=" ${BENCH_PARTS:-notify latency} "
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
TIME_LIMIT=${BENCH_TIME_LIMIT:-240}
LOG_TAG=events

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
start_guard "$TIME_LIMIT"
require_tools initdb pg_ctl postgres psql pgbench

# ---------------------------------------------------------------- PostgreSQL and the server

make_work woes-events
start_postgres $((30000 + SRANDOM % 10000)) 256MB
create_database
BOOTSTRAP_KEY=$(random_key)
start_server $((40000 + SRANDOM % 10000)) "$BOOTSTRAP_KEY"
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT, the server on $BASE_URL"

sql -f "$BENCH_DIR/sql/seed.sql" >/dev/null
: >"$WORK/keys.txt"
for ((w = 0; w < WORKSPACES; w++)); do
	if [ "$w" = 0 ]; then slug=default; key=$BOOTSTRAP_KEY; else slug=$(printf 'live-%02d' "$w"); key=$(random_key); fi
	sql -c "CALL bench.seed_workspace('$slug', '$slug', 0, false, '$key')"
	echo "$key" >>"$WORK/keys.txt"
done
while read -r key; do # the server reloads keys every 2 s
	for ((i = 0; ; i++)); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" "$BASE_URL/api/v1/events?limit=1")" = 200 ] && break
		[ "$i" -lt 600 ] || die "the server does not accept a seeded key"
		sleep 0.1
	done
done <"$WORK/keys.txt"

# ---------------------------------------------------------------- 1. the cost of NOTIFY

WS=$(sql -c "SELECT bench.workspace_id('default')")
cat >"$WORK/insert.sql" <<SQL
BEGIN;
INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, data)
VALUES ('$WS', gen_random_uuid(), 'conversation.updated', now(), 'system', '{"id": 1}');
COMMIT;
SQL
cat >"$WORK/insert-notify.sql" <<SQL
BEGIN;
INSERT INTO events (workspace_id, event_id, type, occurred_at, actor_type, data)
VALUES ('$WS', gen_random_uuid(), 'conversation.updated', now(), 'system', '{"id": 1}');
SELECT pg_notify('woes_events', '$WS');
COMMIT;
SQL
echo "SELECT pg_notify('woes_events', '$WS');" >"$WORK/notify.sql"
# as system work: under row-level security, a connection with no workspace set may not insert
PGBENCH=(env PGOPTIONS="-c woes.system=on" "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PG_PORT" -U woes -T "$PGBENCH_SECONDS" woesbench)
tps() { awk '/^tps/ { printf "%.0f", $3; exit }' "$1"; }
latency() { awk '/^latency average/ { printf "%.2f", $4; exit }' "$1"; }
[[ "$PARTS" == *" notify "* ]] && for round in 1 2; do
	run "${PGBENCH[@]}" -c "$CONNECTIONS" -j "$THREADS" -f "$WORK/insert.sql" >"$WORK/a$round.txt" 2>&1
	run "${PGBENCH[@]}" -c "$CONNECTIONS" -j "$THREADS" -f "$WORK/insert-notify.sql" >"$WORK/b$round.txt" 2>&1
	"${PGBENCH[@]}" -c 1 -j 1 -f "$WORK/notify.sql" >"$WORK/n$round.txt" 2>&1 & NOTIFIER=$!
	run "${PGBENCH[@]}" -c "$CONNECTIONS" -j "$THREADS" -f "$WORK/insert.sql" >"$WORK/c$round.txt" 2>&1
	wait "$NOTIFIER" || true
	printf 'NOTIFY round %d (%d connections, %d s each):\n' "$round" "$CONNECTIONS" "$PGBENCH_SECONDS"
	printf '  (a) insert event                         %6s tps  %6s ms avg\n' "$(tps "$WORK/a$round.txt")" "$(latency "$WORK/a$round.txt")"
	printf '  (b) insert event + NOTIFY in the tx      %6s tps  %6s ms avg\n' "$(tps "$WORK/b$round.txt")" "$(latency "$WORK/b$round.txt")"
	printf '  (c) insert event, NOTIFY sent beside it  %6s tps  %6s ms avg  (%s notifications/s)\n' "$(tps "$WORK/c$round.txt")" "$(latency "$WORK/c$round.txt")" "$(tps "$WORK/n$round.txt")"
done

# ---------------------------------------------------------------- 2. latency commit -> client

[[ "$PARTS" == *" latency "* ]] || exit 0
sql -c "TRUNCATE events" -c "VACUUM ANALYZE events"
log "latency: $STREAMS streams over $WORKSPACES workspaces, $RATE messages/s for $SECONDS_MEASURED s"
run "$JAVA" "$BENCH_DIR/java/SseLatency.java" "$BASE_URL" "$WORK/keys.txt" "$STREAMS" "$RATE" "$SECONDS_MEASURED"
