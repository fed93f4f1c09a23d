# The plumbing the benchmark scripts share: sourced (not run) by bench/run.sh,
# bench/events.sh and bench/webhooks.sh, after they have set BENCH_DIR and ROOT.
#
# It keeps track of what a script starts (a throwaway PostgreSQL cluster, the server, a
# load generator, helpers such as a webhook receiver) and stops all of it by PID, deletes
# the cluster and copies the results when the script ends, also when interrupted or when
# its time limit runs out. Nothing here listens anywhere but 127.0.0.1.
#
# A script sets what differs before calling the functions:
#   JAR          the server jar (default target/woes.jar, or WOES_JAR)
#   PG_BIN       PostgreSQL 15's binaries
#   RESULTS      where cleanup copies *.log and *.txt of the work directory ("" copies nothing)
#   RESULTS_DEFAULT  if RESULTS is this directory, it is emptied first (it holds the last run only)
#   PIN_PG, PIN_APP  arrays of a command prefix (taskset) for PostgreSQL and for the server
#   LOG_TAG      a word in front of every log line
# and reads what it gets: WORK, PG_PORT, PG_PID, PSQL, sql, SERVER_PORT, SERVER_PID, BASE_URL, JAVA.

STARTED_AT=$(date +%s)
LOG_TAG=${LOG_TAG:-}
JAR=${WOES_JAR:-$ROOT/target/woes.jar}
PG_BIN=${BENCH_PG_BIN:-/usr/lib/postgresql/15/bin}
RESULTS=${RESULTS:-}
RESULTS_DEFAULT=${RESULTS_DEFAULT:-}
[ -n "${PIN_PG+x}" ] || PIN_PG=()
[ -n "${PIN_APP+x}" ] || PIN_APP=()

log() { printf '[%s%4ds] %s\n' "${LOG_TAG:+$LOG_TAG }" "$(($(date +%s) - STARTED_AT))" "$*" >&2; }
die() {
	log "FAILED: $*"
	if [ -n "${WORK:-}" ] && [ -n "${SERVER_PID:-}" ] && [ -f "$WORK/server.log" ]; then
		tail -15 "$WORK/server.log" >&2
	fi
	exit 1
}

# ---------------------------------------------------------------- what we started, and stopping it

WORK=""
PG_PID=""
SERVER_PID=""
CHILD_PID=""
WATCHDOG_PID=""
HELPER_PIDS=()  # more processes the script started, stopped after the server: "pid name"

stop_pid() { # pid name seconds signal: signal, wait up to seconds, then SIGKILL
	local pid=$1 name=$2 seconds=$3 signal=$4 i
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
	log "stopping $name (pid $pid)"
	kill "-$signal" "$pid" 2>/dev/null || true
	for ((i = 0; i < seconds * 10; i++)); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	log "$name (pid $pid) did not stop in ${seconds}s; killing it"
	kill -KILL "$pid" 2>/dev/null || true
}

track_helper() { HELPER_PIDS+=("$1 $2"); } # pid name

cleanup() {
	local status=$?
	local helper
	set +e
	trap - EXIT INT TERM
	stop_pid "$CHILD_PID" "load generator" 5 TERM
	stop_pid "$SERVER_PID" "the server" 30 TERM
	for helper in "${HELPER_PIDS[@]}"; do
		stop_pid "${helper%% *}" "${helper#* }" 5 TERM
	done
	stop_pid "$PG_PID" "PostgreSQL" 60 INT # INT: fast shutdown
	if [ -n "$WATCHDOG_PID" ]; then kill -TERM "$WATCHDOG_PID" 2>/dev/null; wait "$WATCHDOG_PID" 2>/dev/null; fi
	if [ -n "$WORK" ] && [ -d "$WORK" ]; then
		if [ -n "$RESULTS" ]; then
			[ "$RESULTS" = "$RESULTS_DEFAULT" ] && rm -rf "$RESULTS"
			mkdir -p "$RESULTS" && cp "$WORK"/*.log "$WORK"/*.txt "$WORK"/pgrun/*.log "$RESULTS"/ 2>/dev/null
		fi
		if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
	fi
	exit "$status"
}

# Installs the exit trap and a watchdog that TERMs this script after $1 seconds; the
# script then cleans up as on Ctrl-C.
start_guard() { # TIME_LIMIT
	trap cleanup EXIT
	trap 'log "interrupted"; exit 130' INT
	trap 'log "stopped (time limit or TERM)"; exit 143' TERM
	(
		trap 'kill "$sleeper" 2>/dev/null; exit 0' TERM
		sleep "$1" & sleeper=$!
		wait "$sleeper" && kill -TERM $$ 2>/dev/null
	) &
	WATCHDOG_PID=$!
}

# Runs a command in the background and waits for it, so that a signal interrupts the wait
# at once and cleanup can stop the command by its PID.
run() {
	"$@" &
	CHILD_PID=$!
	local status=0
	wait "$CHILD_PID" || status=$?
	CHILD_PID=""
	return "$status"
}

# ---------------------------------------------------------------- tools

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'; }

# $JAVA_HOME when it is Java 21 or newer, else the first such Java under /usr/lib/jvm.
find_java() {
	local candidate
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
		echo "$JAVA_HOME/bin/java"
		return
	fi
	for candidate in /usr/lib/jvm/*/bin/java; do
		if [ -x "$candidate" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
			echo "$candidate"
			return
		fi
	done
	return 1
}

# Checks for Java, curl, the PostgreSQL tools named and any other commands named with
# --cmd, and builds $JAR when it is missing. Sets JAVA.
require_tools() { # [--cmd COMMAND]... PG_TOOL...
	local tool
	JAVA=$(find_java) || die "no Java 21 or newer: set JAVA_HOME or install one under /usr/lib/jvm"
	command -v curl >/dev/null || die "curl is not installed"
	while [ "${1:-}" = --cmd ]; do
		command -v "$2" >/dev/null || die "$2 is not installed (apt-get install $2)"
		shift 2
	done
	for tool in "$@"; do
		[ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool is missing (apt-get install postgresql-15 postgresql-contrib, or set BENCH_PG_BIN)"
	done
	if [ ! -f "$JAR" ]; then
		log "building $JAR"
		(cd "$ROOT" && JAVA_HOME="$(dirname "$(dirname "$JAVA")")" ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package) \
			|| die "the build failed"
	fi
}

free_port() { # first port from $1 on that nothing listens on
	local port=$1
	while [ -n "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; do port=$((port + 1)); done
	echo "$port"
}

random_key() { # woesk_ and 43 letters and digits
	local alphabet=0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz key=woesk_ i
	for ((i = 0; i < 43; i++)); do key+=${alphabet:$((SRANDOM % 62)):1}; done
	echo "$key"
}

# ---------------------------------------------------------------- PostgreSQL

# Creates the work directory $TMPDIR/NAME.XXXXXX (BENCH_TMPDIR overrides TMPDIR), which
# holds the cluster, the logs and the data files, and is deleted at the end.
make_work() { # NAME
	WORK=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/$1.XXXXXX")
	chmod 755 "$WORK"
	mkdir -p "$WORK/pg" "$WORK/pgrun"
	AS_POSTGRES=()
	if [ "$(id -u)" = 0 ]; then
		chown postgres:postgres "$WORK/pg" "$WORK/pgrun"
		AS_POSTGRES=(runuser -u postgres --)
	fi
}

# A new cluster in $WORK/pg on 127.0.0.1, on the first free port from FIRST_PORT, with
# durability as shipped; the lines of CONF (postgresql.conf settings) are added. Sets
# PG_PORT, PG_PID and PSQL, and the function sql (psql as postgres on woesbench).
start_postgres() { # FIRST_PORT SHARED_BUFFERS [CONF]
	PG_PORT=$(free_port "$1")
	"${AS_POSTGRES[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --locale=C >"$WORK/pgrun/initdb.out" 2>&1 \
		|| { cat "$WORK/pgrun/initdb.out" >&2; die "initdb"; }
	cat >>"$WORK/pg/postgresql.conf" <<-EOF

		# bench/: reachable on 127.0.0.1 only; durability as shipped (fsync and synchronous_commit on).
		listen_addresses = '127.0.0.1'
		port = $PG_PORT
		unix_socket_directories = '$WORK/pgrun'
		max_connections = 200
		shared_buffers = $2
		fsync = on
		synchronous_commit = on
		${3:-}
	EOF
	"${AS_POSTGRES[@]}" "${PIN_PG[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgres.log" -w -t 60 start >/dev/null \
		|| { tail -20 "$WORK/pgrun/postgres.log" >&2; die "PostgreSQL did not start"; }
	PG_PID=$(head -1 "$WORK/pg/postmaster.pid")
	PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
}

sql() { PGOPTIONS='-c client_min_messages=warning' "${PSQL[@]}" -d woesbench -At "$@"; }

# The database woesbench, owned by the role woes (which runs the migrations); with an
# argument, also that role, which owns nothing (the server's pool under row-level security).
# That role may switch to woes_system, the role of the server's system work, without inheriting
# its privileges (NOINHERIT); woes may not set that up itself (docs/architecture.md, "Operators
# of an external database").
create_database() { # [APP_ROLE]
	"${PSQL[@]}" -d postgres -c "CREATE ROLE woes LOGIN PASSWORD 'woes'" -c "CREATE DATABASE woesbench OWNER woes" \
		${1:+-c "CREATE ROLE $1 LOGIN NOINHERIT PASSWORD '$1'" -c "CREATE ROLE woes_system NOLOGIN" -c "GRANT woes_system TO $1"}
}

# ---------------------------------------------------------------- the server

# Starts $JAR on 127.0.0.1, on the first free port from FIRST_PORT, against woesbench with
# the bootstrap key KEY, as the role woes unless the settings say otherwise, and the
# per-key rate limit lifted (1e9; WOES_RATE_LIMIT_REQUESTS_PER_SECOND and
# WOES_RATE_LIMIT_BURST override it) so that a run measures the server, not the limit; more
# environment settings (NAME=VALUE) follow. SERVER_JVM_ARGS (an array) and JAVA_OPTS go to
# the JVM. Waits until it is ready (and it is this server that answers). Sets SERVER_PORT,
# SERVER_PID and BASE_URL; the server's output goes to $WORK/server.log.
start_server() { # FIRST_PORT KEY [NAME=VALUE]...
	local first=$1 key=$2 i
	shift 2
	SERVER_PORT=$(free_port "$first")
	(
		cd "$WORK"
		exec env WOES_PORT="$SERVER_PORT" SERVER_ADDRESS=127.0.0.1 \
			WOES_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/woesbench" \
			WOES_DATABASE_USER=woes WOES_DATABASE_PASSWORD=woes \
			WOES_BOOTSTRAP_API_KEY="$key" WOES_DATA_DIR="$WORK/data" \
			WOES_RATE_LIMIT_REQUESTS_PER_SECOND="${WOES_RATE_LIMIT_REQUESTS_PER_SECOND:-1000000000}" \
			WOES_RATE_LIMIT_BURST="${WOES_RATE_LIMIT_BURST:-1000000000}" "$@" \
			"${PIN_APP[@]}" "$JAVA" ${SERVER_JVM_ARGS[@]+"${SERVER_JVM_ARGS[@]}"} ${JAVA_OPTS:-} -jar "$JAR"
	) >"$WORK/server.log" 2>&1 &
	SERVER_PID=$!
	BASE_URL="http://127.0.0.1:$SERVER_PORT"
	for ((i = 0; ; i++)); do
		kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$WORK/server.log" >&2; SERVER_PID=""; die "the server exited"; }
		# ready, and it is this server answering (not another one that took the port first)
		[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/health/readiness")" = 200 ] \
			&& ss -Htlnp "sport = :$SERVER_PORT" | grep -q "pid=$SERVER_PID," && break
		[ "$i" -lt 1200 ] || die "the server was not ready within 120 s"
		sleep 0.1
	done
}
