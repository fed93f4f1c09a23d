#!/usr/bin/env bash
# Crash test: acknowledged writes survive kill -9 of the server and of PostgreSQL, are never
# written twice, and keep their order. One bounded command.
#
#   bench/crash-test.sh                           synchronous_commit on (the default): no loss
#   bench/crash-test.sh --synchronous-commit-off  the same with synchronous_commit off, on
#                                                 purpose: PostgreSQL may acknowledge commits
#                                                 it then loses in a crash, and the checker
#                                                 must notice
#
# It starts a throwaway PostgreSQL 15 cluster and the server (target/woes.jar, built if
# missing; its data directory under target/crash-test) on free ports of 127.0.0.1. CRASH_CLIENTS
# clients (bench/crash/CrashClient.java) open conversations and post messages for
# CRASH_DURATION seconds, every write with an Idempotency-Key, retrying any unknown outcome
# with the same key. Meanwhile the script kills the server with kill -9 and starts it again,
# and crashes PostgreSQL (kill -9 of the postmaster and all its processes) and starts it
# again (crash recovery). At the end a checker reads every acknowledged write back and
# prints: acknowledged, retried, present, missing, duplicates, order violations. The exit
# status is non-zero on any loss, duplicate or order violation.
#
# Settings (environment):
#   CRASH_DURATION=120        seconds of writing (at least; writing goes on until the minimum
#                             numbers of crashes below have happened)
#   CRASH_SERVER_KILLS=3      at least this many kill -9 of the server
#   CRASH_PG_CRASHES=3        at least this many crashes of PostgreSQL
#   CRASH_CLIENTS=16          concurrent clients
#   CRASH_SERVER_KILL_EVERY=30   seconds between kill -9 of the server (jittered)
#   CRASH_PG_KILL_EVERY=25       seconds between crashes of PostgreSQL (jittered)
#   CRASH_TIME_LIMIT=$((CRASH_DURATION + 900))   seconds after which everything is stopped
#   CRASH_PG_BIN=/usr/lib/postgresql/15/bin
#   CRASH_TMPDIR=${TMPDIR:-/tmp}   where the cluster goes (a disk, not tmpfs)
#   CRASH_KEEP=1              keep the cluster's directory and the logs (paths are printed)
#   WOES_JAR=target/woes.jar  JAVA_HOME (used when it is Java 21+)
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

SYNCHRONOUS_COMMIT=on
for arg in "$@"; do
	case "$arg" in
		--synchronous-commit-off) SYNCHRONOUS_COMMIT=off ;;
		-h|--help) sed -n '2,/^set -E/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done

DURATION=${CRASH_DURATION:-120}
CLIENTS=${CRASH_CLIENTS:-16}
SERVER_KILL_EVERY=${CRASH_SERVER_KILL_EVERY:-30}
PG_KILL_EVERY=${CRASH_PG_KILL_EVERY:-25}
MIN_SERVER_KILLS=${CRASH_SERVER_KILLS:-3}
MIN_PG_CRASHES=${CRASH_PG_CRASHES:-3}
TIME_LIMIT=${CRASH_TIME_LIMIT:-$((DURATION + 900))}
PG_BIN=${CRASH_PG_BIN:-/usr/lib/postgresql/15/bin}
JAR=${WOES_JAR:-$ROOT/target/woes.jar}
RUN_ID=$(date +%s)

log() { printf '[crash-test %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'; }
find_java() {
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
		echo "$JAVA_HOME/bin/java"; return
	fi
	for candidate in /usr/lib/jvm/*/bin/java; do
		if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ]; then echo "$candidate"; return; fi
	done
	return 1
}
JAVA=$(find_java) || die "no Java 21 or newer: set JAVA_HOME or install one under /usr/lib/jvm"
for tool in initdb pg_ctl postgres psql; do
	[ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool is missing (apt-get install postgresql-15, or set CRASH_PG_BIN)"
done
command -v curl >/dev/null || die "curl is not installed"

SERVER_PID=""
PG_PID=""
CLIENT_PID=""
WATCHDOG_PID=""
WORK=""

stop_pid() { # pid name seconds signal
	local pid=$1 name=$2 seconds=$3 signal=$4 i
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
	kill "-$signal" "$pid" 2>/dev/null || true
	for ((i = 0; i < seconds * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	log "$name (pid $pid) did not stop in ${seconds}s; killing it"
	kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
	local status=$?
	set +e
	trap - EXIT INT TERM
	stop_pid "$CLIENT_PID" "the clients" 5 TERM
	stop_pid "$SERVER_PID" "the server" 30 TERM
	stop_pid "$PG_PID" "PostgreSQL" 60 INT
	if [ -n "$WATCHDOG_PID" ]; then kill -TERM "$WATCHDOG_PID" 2>/dev/null; wait "$WATCHDOG_PID" 2>/dev/null; fi
	if [ -n "$WORK" ] && [ -d "$WORK" ]; then
		mkdir -p "$ROOT/target/crash-test"
		cp "$WORK"/*.log "$WORK"/pgrun/*.log "$ROOT/target/crash-test/" 2>/dev/null
		if [ "${CRASH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
	fi
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

if [ ! -f "$JAR" ]; then
	log "building $JAR"
	(cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package) \
		|| die "the build failed"
fi

free_port() {
	local port=$1
	while [ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; do port=$((port + 1)); done
	echo "$port"
}
random_key() {
	local alphabet=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz key=woesk_ i
	for ((i = 0; i < 43; i++)); do key+=${alphabet:$((SRANDOM % 62)):1}; done
	echo "$key"
}
jitter() { echo $(($1 / 2 + SRANDOM % ($1 + 1))); } # between half and one and a half times $1

# ---------------------------------------------------------------- PostgreSQL

WORK=$(mktemp -d "${CRASH_TMPDIR:-${TMPDIR:-/tmp}}/woes-crash.XXXXXX")
chmod 755 "$WORK"
mkdir -p "$WORK/pg" "$WORK/pgrun"
AS_POSTGRES=()
if [ "$(id -u)" = 0 ]; then
	chown postgres:postgres "$WORK/pg" "$WORK/pgrun"
	AS_POSTGRES=(runuser -u postgres --)
fi
PG_PORT=$(free_port 5533)
log "PostgreSQL 15: a new cluster in $WORK/pg on 127.0.0.1:$PG_PORT, synchronous_commit $SYNCHRONOUS_COMMIT"
"${AS_POSTGRES[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C >"$WORK/pgrun/initdb.out" 2>&1 \
	|| { cat "$WORK/pgrun/initdb.out" >&2; die "initdb"; }
cat >>"$WORK/pg/postgresql.conf" <<CONF

# bench/crash-test.sh
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$WORK/pgrun'
max_connections = 100
fsync = on
full_page_writes = on
synchronous_commit = $SYNCHRONOUS_COMMIT
# With synchronous_commit off, commits are acknowledged before their WAL is written; the WAL
# writer writes it at most this long afterwards (the maximum): a wide window for a crash.
wal_writer_delay = 10000ms
CONF

pg_start() {
	"${AS_POSTGRES[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgres.log" -w -t 120 start >/dev/null \
		|| { tail -20 "$WORK/pgrun/postgres.log" >&2; die "PostgreSQL did not start"; }
	PG_PID=$(head -1 "$WORK/pg/postmaster.pid")
}
pg_crash() { # kill -9 the postmaster and every process it started, at once
	local children
	children=$(ps -o pid= --ppid "$PG_PID" | tr '\n' ' ')
	# shellcheck disable=SC2086
	kill -KILL "$PG_PID" $children 2>/dev/null || true
	for pid in $PG_PID $children; do
		while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
	done
}
pg_start
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE ROLE woes LOGIN PASSWORD 'woes'" -c "CREATE DATABASE woescrash OWNER woes"
sql() { "${PSQL[@]}" -d woescrash -At -c "$1"; }

# ---------------------------------------------------------------- the server

# The server runs from a copy, so a build during the run cannot change it between restarts.
cp "$JAR" "$WORK/woes.jar"
SERVER_PORT=$(free_port 18280)
KEY=$(random_key)
BASE_URL="http://127.0.0.1:$SERVER_PORT"
DATA_DIR="$ROOT/target/crash-test/data"
mkdir -p "$DATA_DIR"
server_start() {
	(
		exec env WOES_PORT="$SERVER_PORT" SERVER_ADDRESS=127.0.0.1 \
			WOES_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/woescrash" \
			WOES_DATABASE_USER=woes WOES_DATABASE_PASSWORD=woes \
			WOES_BOOTSTRAP_API_KEY="$KEY" WOES_DATA_DIR="$DATA_DIR" \
			WOES_RATE_LIMIT_REQUESTS_PER_SECOND=1000000000 WOES_RATE_LIMIT_BURST=1000000000 \
			"$JAVA" -XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$WORK/woes.jsa" \
				-jar "$WORK/woes.jar"
	) >>"$WORK/server.log" 2>&1 &
	SERVER_PID=$!
	local i
	for ((i = 0; i < 1200; i++)); do
		kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; die "the server exited"; }
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" "$BASE_URL/api/v1/conversations?limit=1")" = 200 ] && return 0
		sleep 0.1
	done
	die "the server was not ready within 120 s"
}
server_start
log "server ready on $BASE_URL (pid $SERVER_PID)"

# ---------------------------------------------------------------- writing and crashing

ACKS="$WORK/acks.txt"
log "$CLIENTS clients write for ${DURATION}s; the server is killed about every ${SERVER_KILL_EVERY}s, PostgreSQL crashed about every ${PG_KILL_EVERY}s"
STOP="$WORK/stop-writing"
"$JAVA" "$BENCH_DIR/crash/CrashClient.java" write "$BASE_URL" "$KEY" "$RUN_ID" "$CLIENTS" "$STOP" "$ACKS" \
	>"$WORK/clients.log" 2>&1 &
CLIENT_PID=$!

SERVER_KILLS=0
PG_CRASHES=0
start=$SECONDS
next_server_kill=$((start + $(jitter "$SERVER_KILL_EVERY")))
next_pg_crash=$((start + $(jitter "$PG_KILL_EVERY")))
while { [ $((SECONDS - start)) -lt "$DURATION" ] || [ "$SERVER_KILLS" -lt "$MIN_SERVER_KILLS" ] \
		|| [ "$PG_CRASHES" -lt "$MIN_PG_CRASHES" ]; } && [ "$SECONDS" -lt $((TIME_LIMIT - 400)) ] \
		&& kill -0 "$CLIENT_PID" 2>/dev/null; do
	if [ "$SECONDS" -ge "$next_server_kill" ]; then
		log "kill -9 the server (pid $SERVER_PID)"
		kill -KILL "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
		SERVER_KILLS=$((SERVER_KILLS + 1))
		sleep 1
		server_start
		log "server back (pid $SERVER_PID)"
		next_server_kill=$((SECONDS + $(jitter "$SERVER_KILL_EVERY")))
	elif [ "$SECONDS" -ge "$next_pg_crash" ]; then
		log "kill -9 PostgreSQL (postmaster $PG_PID and its processes)"
		pg_crash
		PG_CRASHES=$((PG_CRASHES + 1))
		sleep 1
		pg_start
		log "PostgreSQL back after crash recovery (postmaster $PG_PID)"
		next_pg_crash=$((SECONDS + $(jitter "$PG_KILL_EVERY")))
	fi
	sleep 0.5
done
WROTE_FOR=$((SECONDS - start))
touch "$STOP"
log "writing ends after ${WROTE_FOR}s; waiting for the clients to settle their last writes"
wait "$CLIENT_PID" || die "the clients failed: $(tail -5 "$WORK/clients.log")"
CLIENT_PID=""
cat "$WORK/clients.log" | grep -v '^refused' >&2 || true

# ---------------------------------------------------------------- checking

log "checking every acknowledged write (server killed $SERVER_KILLS times, PostgreSQL crashed $PG_CRASHES times)"
set +e
"$JAVA" "$BENCH_DIR/crash/CrashClient.java" check "$BASE_URL" "$KEY" "$ACKS" >"$WORK/check.log" 2>"$WORK/check-errors.log"
CHECK=$?
set -e
head -20 "$WORK/check-errors.log" >&2
STORED_CONVERSATIONS=$(sql "SELECT count(*) FROM conversations")
STORED_MESSAGES=$(sql "SELECT count(*) FROM messages")
ACKED_CONVERSATIONS=$(grep -c '^C ' "$ACKS" || true)
ACKED_MESSAGES=$(grep -c '^M ' "$ACKS" || true)
echo "synchronous_commit=$SYNCHRONOUS_COMMIT writing=${WROTE_FOR}s clients=$CLIENTS server kills=$SERVER_KILLS postgres crashes=$PG_CRASHES"
echo "clients: $(tail -1 "$WORK/clients.log")"
echo "checker: $(tail -1 "$WORK/check.log")"
echo "database: $STORED_CONVERSATIONS conversations, $STORED_MESSAGES messages stored; $ACKED_CONVERSATIONS and $ACKED_MESSAGES acknowledged"
if [ "$CHECK" = 0 ]; then
	log "PASS: every acknowledged write is present once, in order"
else
	log "FAIL: acknowledged writes are missing, duplicated or out of order (details above)"
fi
exit "$CHECK"
