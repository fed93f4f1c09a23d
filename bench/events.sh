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
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
TIME_LIMIT=${BENCH_TIME_LIMIT:-240}
JAR=${WOES_JAR:-$ROOT/target/woes.jar}

log() { printf '[events %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; [ -n "${WORK:-}" ] && [ -f "$WORK/server.log" ] && tail -15 "$WORK/server.log" >&2; exit 1; }

WORK="" PG_PID="" SERVER_PID="" CHILD_PID="" WATCHDOG_PID=""
stop_pid() { # PID NAME SECONDS SIGNAL
	local pid=$1 i
	[ -n "$pid" ] || return 0
	kill -"$4" "$pid" 2>/dev/null || return 0
	for ((i = 0; i < $3 * 10; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
	local status=$?
	set +e
	trap - EXIT INT TERM
	stop_pid "$CHILD_PID" "load generator" 5 TERM
	stop_pid "$SERVER_PID" "the server" 30 TERM
	stop_pid "$PG_PID" "PostgreSQL" 60 INT
	if [ -n "$WATCHDOG_PID" ]; then kill -TERM "$WATCHDOG_PID" 2>/dev/null; wait "$WATCHDOG_PID" 2>/dev/null; fi
	[ -n "$WORK" ] && [ -d "$WORK" ] && rm -rf "$WORK"
	exit "$status"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "stopped (time limit or TERM)"; exit 143' TERM
(
	trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
	sleep "$TIME_LIMIT" & sleeper=$!
	wait "$sleeper" && kill -TERM $$ 2>/dev/null
) &
WATCHDOG_PID=$!
run() { "$@" & CHILD_PID=$!; local status=0; wait "$CHILD_PID" || status=$?; CHILD_PID=""; return "$status"; }

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'; }
find_java() {
	local candidate
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
		echo "$JAVA_HOME/bin/java"; return
	fi
	for candidate in /usr/lib/jvm/*/bin/java; do
		if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ]; then echo "$candidate"; return; fi
	done
	return 1
}
JAVA=$(find_java) || die "no Java 21 or newer"
for tool in initdb pg_ctl postgres psql pgbench; do [ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool is missing"; done
if [ ! -f "$JAR" ]; then
	log "building $JAR"
	(cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package) || die "the build failed"
fi
free_port() { local port=$1; while [ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; do port=$((port + 1)); done; echo "$port"; }
random_key() {
	local alphabet=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz key=woesk_ i
	for ((i = 0; i < 43; i++)); do key+=${alphabet:$((SRANDOM % 62)):1}; done
	echo "$key"
}

# ---------------------------------------------------------------- PostgreSQL and the server

WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/woes-events.XXXXXX")
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/pgrun"
AS_POSTGRES=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$WORK/pg" "$WORK/pgrun"; AS_POSTGRES=(runuser -u postgres --); fi
PG_PORT=$(free_port $((30000 + SRANDOM % 10000)))
"${AS_POSTGRES[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C >"$WORK/pgrun/initdb.out" 2>&1 || die "initdb"
cat >>"$WORK/pg/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK/pgrun'
max_connections = 200
shared_buffers = 256MB
fsync = on
synchronous_commit = on
CONF
"${AS_POSTGRES[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgres.log" -w -t 60 start >/dev/null || die "PostgreSQL did not start"
PG_PID=$(head -1 "$WORK/pg/postmaster.pid")
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
sql() { PGOPTIONS='-c client_min_messages=warning' "${PSQL[@]}" -d woesbench -At "$@"; }
"${PSQL[@]}" -d postgres -c "CREATE ROLE woes LOGIN PASSWORD 'woes'" -c "CREATE DATABASE woesbench OWNER woes"

SERVER_PORT=$(free_port $((40000 + SRANDOM % 10000)))
BOOTSTRAP_KEY=$(random_key)
log "PostgreSQL 15 on 127.0.0.1:$PG_PORT, the server on 127.0.0.1:$SERVER_PORT"
(
	cd "$WORK"
	exec env WOES_PORT="$SERVER_PORT" SERVER_ADDRESS=127.0.0.1 \
		WOES_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/woesbench" WOES_DATABASE_USER=woes WOES_DATABASE_PASSWORD=woes \
		WOES_BOOTSTRAP_API_KEY="$BOOTSTRAP_KEY" WOES_DATA_DIR="$WORK/data" "$JAVA" ${JAVA_OPTS:-} -jar "$JAR"
) >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
BASE_URL="http://127.0.0.1:$SERVER_PORT"
for ((i = 0; ; i++)); do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server exited"; }
	# ready, and it is this server answering (not another one that took the port first)
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/health/readiness")" = 200 ] \
		&& ss -Htlnp "sport = :$SERVER_PORT" | grep -q "pid=$SERVER_PID," && break
	[ "$i" -lt 1200 ] || die "the server was not ready within 120 s"
	sleep 0.1
done

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
PGBENCH=("$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PG_PORT" -U woes -T "$PGBENCH_SECONDS" woesbench)
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
