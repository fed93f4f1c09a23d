#!/usr/bin/env bash
# Benchmarks the Woes server end to end on this machine, in one bounded command.
#
#   bench/run.sh                    the six endpoints and the pgbench ceiling (about 6 min)
#   bench/run.sh --list-scaling     the same, then list latency in a 1,000,000-conversation
#                                   workspace against a 10,000-conversation one (about 7 min)
#   bench/run.sh --only-list-scaling  (also: bench/list-scaling.sh) just the list scaling
#   bench/run.sh --rls-cost         the same data, then GET list and POST message with the
#                                   row-level security policies on and off by turns
#                                   (BENCH_ROUNDS rounds, ABBA order), and the ratio of
#                                   throughput with them to without (target >= 0.95); with
#                                   BENCH_ENDPOINTS="" only that (about 4 min)
#
# It starts a throwaway PostgreSQL 15 cluster and the server (target/woes.jar, built if
# missing) on free ports of 127.0.0.1, seeds them, measures with wrk and pgbench, prints a
# table, and stops what it started by PID and deletes its files, also when interrupted or
# when BENCH_TIME_LIMIT runs out. docs/benchmarks.md explains the figures.
#
# Settings (environment):
#   BENCH_DURATION=20            seconds measured per endpoint and for pgbench
#   BENCH_SERVER_WARMUP=40       seconds of mixed load on a fresh server before any run
#   BENCH_WARMUP=10              seconds of unmeasured load before each endpoint
#   BENCH_CONNECTIONS=64         concurrent connections of wrk and of pgbench
#   BENCH_THREADS=2              wrk threads and pgbench jobs
#   BENCH_ENDPOINTS="list filtered get create reply message pgbench"   which of the main runs
#                                to do: list = GET the inbox's first page; filtered = GET it with
#                                ?tag=&assigneeId= (one operator's conversations with one tag);
#                                get = GET one conversation; create = POST a conversation;
#                                reply = POST an operator's reply; message = POST a message;
#                                pgbench = the ceiling of POST message
#   BENCH_ROUNDS=3               POST message and pgbench take turns this many times
#   BENCH_ROUND_WARMUP=3         seconds of warm-up before each of the later rounds
#   BENCH_PGBENCH_SCRIPT=bench/pgbench/post-message.sql   the ceiling's SQL
#   WOES_DATABASE_POOL_SIZE=16   the server's connection pool (its own default is 16)
#   WOES_RATE_LIMIT_REQUESTS_PER_SECOND, WOES_RATE_LIMIT_BURST   the per-key rate limit; the
#                                bench lifts it (1e9) so that it measures the server, not the limit
#   BENCH_WORKSPACES=10          workspaces of the main data set ...
#   BENCH_CONVERSATIONS=10000    ... with this many conversations each (1-10 messages each)
#   BENCH_OPERATORS=20           operators per workspace of the main data set, in ...
#   BENCH_TEAMS=4                ... this many teams; 80% of the conversations are assigned
#   BENCH_TAGS=30                tags per workspace, 0-3 on each conversation
#   BENCH_BIG=1000000            conversations of the big workspace (list scaling)
#   BENCH_SMALL=10000            conversations of the small workspace (list scaling)
#   BENCH_PG_BIN=/usr/lib/postgresql/15/bin
#   BENCH_PG_SHARED_BUFFERS=512MB
#   BENCH_PIN=0                  1: PostgreSQL on CPU 0, the server and the load generators
#                                on CPU 1 (the database with a core of its own)
#   BENCH_TIME_LIMIT=900         seconds after which everything is stopped
#   BENCH_TMPDIR=${TMPDIR:-/tmp} where the cluster goes (a disk, not tmpfs, for real fsyncs)
#   BENCH_RESULTS=target/bench   where the table and the logs are copied (target/bench
#                                is emptied first; another directory is not)
#   BENCH_KEEP=1                 keep the cluster's directory (its path is printed)
#   WOES_JAR=target/woes.jar     JAVA_HOME (used when it is Java 21+)   JAVA_OPTS
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"

MEASURE_ENDPOINTS=1
MEASURE_SCALING=0
MEASURE_RLS=0
for arg in "$@"; do
	case "$arg" in
		--list-scaling) MEASURE_SCALING=1 ;;
		--rls-cost) MEASURE_RLS=1 ;;
		--only-list-scaling) MEASURE_SCALING=1; MEASURE_ENDPOINTS=0 ;;
		-h|--help) sed -n '2,/^set -E/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done

DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-10}
SERVER_WARMUP=${BENCH_SERVER_WARMUP:-40}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
ENDPOINTS=" ${BENCH_ENDPOINTS-list filtered get create reply message pgbench} "
ROUNDS=${BENCH_ROUNDS:-3}
ROUND_WARMUP=${BENCH_ROUND_WARMUP:-3}
PGBENCH_SCRIPT=${BENCH_PGBENCH_SCRIPT:-$BENCH_DIR/pgbench/post-message.sql}
POOL_SIZE=${WOES_DATABASE_POOL_SIZE:-16}
WORKSPACES=${BENCH_WORKSPACES:-10}
CONVERSATIONS=${BENCH_CONVERSATIONS:-10000}
OPERATORS=${BENCH_OPERATORS:-20}
TEAMS=${BENCH_TEAMS:-4}
TAGS=${BENCH_TAGS:-30}
BIG=${BENCH_BIG:-1000000}
SMALL=${BENCH_SMALL:-10000}
SHARED_BUFFERS=${BENCH_PG_SHARED_BUFFERS:-512MB}
TIME_LIMIT=${BENCH_TIME_LIMIT:-900}
PIN_PG=()
PIN_APP=()
if [ "${BENCH_PIN:-0}" = 1 ]; then
	PIN_PG=(taskset -c 0)
	PIN_APP=(taskset -c 1)
fi
RESULTS_DEFAULT=$ROOT/target/bench
RESULTS=${BENCH_RESULTS:-$RESULTS_DEFAULT}
export WOES_BENCH_LUA="$BENCH_DIR/lua"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
start_guard "$TIME_LIMIT"
require_tools --cmd wrk initdb pg_ctl postgres psql pgbench

# ---------------------------------------------------------------- PostgreSQL

make_work woes-bench
if [ "$(stat -f -c %T "$WORK")" = tmpfs ]; then
	log "WARNING: $WORK is on tmpfs, so commits cost no real fsync; set BENCH_TMPDIR to a disk"
fi
# memory for a 24 GB machine; checkpoints only when asked
start_postgres 5433 "$SHARED_BUFFERS" "full_page_writes = on
max_wal_size = 8GB
checkpoint_timeout = 30min
log_checkpoints = on
log_autovacuum_min_duration = 0"
log "PostgreSQL 15: a new cluster in $WORK/pg on 127.0.0.1:$PG_PORT"
# woes owns the tables and runs the migrations; the server's pool connects as woes_app, which owns
# nothing and is held to row-level security, as in production.
create_database woes_app

# ---------------------------------------------------------------- the server

BOOTSTRAP_KEY=$(random_key)
SERVER_JVM_ARGS=(-Xlog:gc:file="$WORK/gc.log":uptime)
start_server 18180 "$BOOTSTRAP_KEY" \
	WOES_DATABASE_USER=woes_app WOES_DATABASE_PASSWORD=woes_app \
	WOES_DATABASE_MIGRATION_USER=woes WOES_DATABASE_MIGRATION_PASSWORD=woes \
	WOES_DATABASE_POOL_SIZE="$POOL_SIZE"
log "server ready: $JAR with $("$JAVA" -version 2>&1 | head -1), pool $POOL_SIZE, on $BASE_URL"

# ---------------------------------------------------------------- data

sql -f "$BENCH_DIR/sql/seed.sql"
[ "$(sql -c "SELECT bench.workspace_id('default') = workspace_id FROM workspaces WHERE slug = 'default'")" = t ] \
	|| die "bench.workspace_id() disagrees with the server's WorkspaceId for 'default'"

key_of() { sql -c "SELECT secret FROM bench.keys WHERE slug = '$1'"; }

wait_for_key() { # the server reloads keys every 2 s
	local i
	for ((i = 0; i < 100; i++)); do
		[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $1" "$BASE_URL/api/v1/conversations?limit=1")" = 200 ] && return 0
		sleep 0.1
	done
	die "the server does not accept a seeded key"
}

MAIN_SLUGS=()
if [ "$MEASURE_ENDPOINTS" = 1 ]; then
	log "seeding $WORKSPACES workspaces x $CONVERSATIONS conversations with 1-10 messages each, $OPERATORS operators in $TEAMS teams, $TAGS tags"
	for ((w = 0; w < WORKSPACES; w++)); do
		if [ "$w" = 0 ]; then
			slug=default; name=Default; key=$BOOTSTRAP_KEY
		else
			slug=$(printf 'team-%02d' "$w"); name=$(printf 'Team %02d' "$w"); key=$(random_key)
		fi
		MAIN_SLUGS+=("$slug")
		run sql -c "CALL bench.seed_workspace('$slug', '$name', $CONVERSATIONS, true, '$key')"
		run sql -c "CALL bench.seed_operators('$slug', $OPERATORS, $TEAMS, $TAGS)"
	done
	sql -c "CALL bench.pick_targets(ARRAY['$(IFS=,; echo "${MAIN_SLUGS[*]}" | sed "s/,/','/g")'])"
	sql -c "SELECT secret FROM bench.keys WHERE slug = ANY (ARRAY['$(IFS=,; echo "${MAIN_SLUGS[*]}" | sed "s/,/','/g")'])" >"$WORK/keys.tsv"
	sql -F $'\t' -c "SELECT k.secret, t.conversation_id FROM bench.targets t JOIN bench.keys k USING (workspace_id) ORDER BY t.n" >"$WORK/targets.tsv"
	TARGETS=$(wc -l <"$WORK/targets.tsv")
	# what the ceiling's script draws from: a workspace, then one of its targets
	read -r TARGET_WORKSPACES PER_WORKSPACE < <(sql -F ' ' -c "SELECT count(*), min(c) FROM (SELECT count(*) AS c FROM bench.targets GROUP BY ws) AS w")
	# replies: the same targets, each with an operator of its workspace
	sql -F $'\t' -c "
		SELECT k.secret, t.conversation_id, o.operator_id
		FROM bench.targets t JOIN bench.keys k USING (workspace_id)
		JOIN (SELECT workspace_id, operator_id, row_number() OVER (PARTITION BY workspace_id ORDER BY operator_id) - 1 AS i,
		             count(*) OVER (PARTITION BY workspace_id) AS n
		      FROM operators) o ON o.workspace_id = t.workspace_id AND o.i = t.n % o.n
		ORDER BY t.n" >"$WORK/replies.tsv"
	# the filtered list: every (tag, operator) pair of each workspace that matches a conversation
	sql -F $'\t' -c "
		SELECT k.secret, d.name, a.operator_id, count(*)
		FROM conversation_tags ct JOIN conversation_assignments a USING (workspace_id, conversation_id)
		JOIN tag_definitions d USING (workspace_id, tag_id) JOIN bench.keys k USING (workspace_id)
		WHERE a.operator_id IS NOT NULL AND k.slug = ANY (ARRAY['$(IFS=,; echo "${MAIN_SLUGS[*]}" | sed "s/,/','/g")'])
		GROUP BY 1, 2, 3 ORDER BY random()" >"$WORK/filtered-pairs.txt"
	cut -f1-3 "$WORK/filtered-pairs.txt" >"$WORK/filtered.tsv"
fi
if [ "$MEASURE_SCALING" = 1 ]; then
	log "seeding the workspace 'big' with $BIG conversations and 'small' with $SMALL (no messages)"
	run sql -c "CALL bench.seed_workspace('big', 'Big', $BIG, false, '$(random_key)')"
	run sql -c "CALL bench.seed_workspace('small', 'Small', $SMALL, false, '$(random_key)')"
fi
log "VACUUM ANALYZE and CHECKPOINT"
run sql -c "VACUUM (ANALYZE)" -c "CHECKPOINT"
wait_for_key "$(sql -c "SELECT secret FROM bench.keys ORDER BY slug DESC LIMIT 1")"

read -r N_WS N_CONV N_MSG < <(sql -F ' ' -c "SELECT (SELECT count(*) FROM workspaces), (SELECT count(*) FROM conversations), (SELECT count(*) FROM messages)")
log "data: $N_WS workspaces, $N_CONV conversations, $N_MSG messages"
read -r N_OPS N_ASSIGNED N_TAGGED < <(sql -F ' ' -c "SELECT (SELECT count(*) FROM operators), (SELECT count(*) FROM conversation_assignments), (SELECT count(*) FROM conversation_tags)")
log "operator workflow: $N_OPS operators, $N_ASSIGNED conversations assigned, $N_TAGGED tags on conversations"

# The filtered list's plans in the workspace default, as the server's role, before any load:
# for the (tag, operator) pairs with the fewest, the median and the most conversations.
explain_filtered() {
	local ws pairs
	ws=$(sql -c "SELECT bench.workspace_id('default')")
	pairs=$(sql -F $'\t' -c "
		SELECT name, operator_id, matches FROM (
			SELECT d.name, a.operator_id, count(*) AS matches,
			       row_number() OVER (ORDER BY count(*), d.name, a.operator_id) AS rn, count(*) OVER () AS total
			FROM conversation_tags ct JOIN conversation_assignments a USING (workspace_id, conversation_id)
			JOIN tag_definitions d USING (workspace_id, tag_id)
			WHERE ct.workspace_id = '$ws' AND a.operator_id IS NOT NULL GROUP BY 1, 2) AS p
		WHERE rn IN (1, (total + 1) / 2, total) ORDER BY rn")
	: >"$WORK/explain-filtered.txt"
	while IFS=$'\t' read -r tag operator matches; do
		echo "-- $matches conversations (tag $tag, operator $operator)" >>"$WORK/explain-filtered.txt"
		PGOPTIONS='-c client_min_messages=warning' "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" \
			-U woes_app -d woesbench -At -v wsid="$ws" -v tag="$tag" -v operator="$operator" \
			-f "$BENCH_DIR/sql/explain-filtered.sql" >>"$WORK/explain-filtered.txt"
	done <<<"$pairs"
}
if [ "$MEASURE_ENDPOINTS" = 1 ] && [[ $ENDPOINTS == *" filtered "* ]]; then
	explain_filtered
fi

# ---------------------------------------------------------------- measuring

declare -A RPS P50 P99 ERRS CPU GC

# CPU time used so far, in clock ticks: by the whole machine (busy, not idle), by the
# server's JVM, and by PostgreSQL (the postmaster, its exited children and its live ones).
cpu_ticks() {
	local busy java pg
	busy=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat)
	java=$(awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat" 2>/dev/null || echo 0)
	# cat, not awk, reads the files: a process may exit between the glob and the read
	pg=$(cat /proc/[0-9]*/stat 2>/dev/null | awk -v pg="$PG_PID" '$1 == pg { s += $14 + $15 + $16 + $17 } $4 == pg { s += $14 + $15 } END { print s + 0 }')
	echo "$busy $java $pg"
}

# Sets the variable $1 to the CPU seconds used by this script's finished children (the
# load generators): `times` must run in this shell, not in a $(subshell), to see them.
children_cpu() {
	times >"$WORK/times.txt"
	printf -v "$1" '%s' "$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, x, /[ms]/); t += x[1] * 60 + x[2] }; print t }' "$WORK/times.txt")"
}

# CPU per request, in microseconds, between two cpu_ticks: the server's, PostgreSQL's, the
# load generator's (wrk or pgbench), and the rest of the machine's (mostly the kernel's
# loopback networking, which no process is billed for, and anything else running).
cpu_per_request() { # NAME "BEFORE" "AFTER" REQUESTS LOAD_GENERATOR_SECONDS
	local b0 j0 p0 b1 j1 p1
	read -r b0 j0 p0 <<<"$2"
	read -r b1 j1 p1 <<<"$3"
	CPU[$1]=$(awk -v b="$((b1 - b0))" -v j="$((j1 - j0))" -v p="$((p1 - p0))" -v r="$4" -v l="$5" -v hz="$(getconf CLK_TCK)" \
		'BEGIN { f = 1e6 / hz / r; l = l * hz; printf "%.0f/%.0f/%.0f/%.0f", j * f, p * f, l * f, (b - j - p - l) * f }')
}

uptime_now() { cut -d' ' -f1 /proc/uptime; }

# The server's GC pauses between two uptime_now readings, from its gc.log: how many, their
# total and the longest, in ms.
gc_pauses() { # NAME T0 T1
	local started
	started=$(awk -v hz="$(getconf CLK_TCK)" '{ print $22 / hz }' "/proc/$SERVER_PID/stat")
	GC[$1]=$(awk -v a="$2" -v b="$3" -v s="$started" '
		/Pause/ { t = substr($1, 2) + s; ms = $NF; sub(/ms$/, "", ms)
		          if (t >= a && t <= b) { n++; sum += ms; if (ms + 0 > max) max = ms + 0 } }
		END { printf "%d/%.0f/%.0f", n, sum, max }' "$WORK/gc.log")
}

us_to_ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }

# One request like those of a run, from the first line of its data file, which must be
# answered as expected: a run of errors measures nothing, so it is skipped and reported.
PROBE_FAILURES=()
probe() { # METHOD PATH KEY BODY EXPECTED_STATUS
	local code
	code=$(curl -s -o "$WORK/probe.json" -w '%{http_code}' -X "$1" -H "Authorization: Bearer $3" \
		-H 'Content-Type: application/json' ${4:+--data "$4"} "$BASE_URL$2")
	[ "$code" = "$5" ] && return 0
	PROBE_FAILURES+=("$1 $2 answered $code, not $5: $(head -c 300 "$WORK/probe.json")")
	log "${PROBE_FAILURES[-1]}"
	PROBE_STATUS=$code
	return 1
}

# After a probe of a filter that must match: the page it answered holds a conversation.
probe_found() {
	grep -q '"object":"conversation"' "$WORK/probe.json" && return 0
	PROBE_FAILURES+=("the filtered list answered no conversation for a pair that has some: $(head -c 300 "$WORK/probe.json")")
	log "${PROBE_FAILURES[-1]}"
	PROBE_STATUS="200, empty"
	return 1
}

# measure NAME SCRIPT DATAFILE WARMUP: a probe, an unmeasured warm-up, then the measured
# wrk run; keeps its figures under NAME.
measure() {
	local name=$1 script=$2 data=$3 warmup=$4 line requests duration key id third before t0 lg0 lg1
	IFS=$'\t' read -r key id third <"$data"
	if ! case "$script" in
		list.lua) probe GET "/api/v1/conversations?limit=20${id:+&startingAfter=$id}" "$key" "" 200 ;;
		get-conversation.lua) probe GET "/api/v1/conversations/$id" "$key" "" 200 ;;
		create-conversation.lua) probe POST /api/v1/conversations "$key" '{"subject":"Probe","customer":{"id":"cus_probe"}}' 201 ;;
		post-message.lua) probe POST "/api/v1/conversations/$id/messages" "$key" '{"body":"Probe","role":"user"}' 201 ;;
		reply.lua) probe POST "/api/v1/conversations/$id/replies" "$key" "{\"operatorId\":\"$third\",\"body\":\"Probe\"}" 201 ;;
		filtered.lua) probe GET "/api/v1/conversations?tag=$id&assigneeId=$third" "$key" "" 200 && probe_found ;;
	esac; then
		RPS[$name]=-; P50[$name]=-; P99[$name]=-; ERRS[$name]="HTTP $PROBE_STATUS"
		return 0
	fi
	if [ "$warmup" -gt 0 ]; then
		run "${PIN_APP[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${warmup}s" --timeout 10s -s "$BENCH_DIR/lua/$script" "$BASE_URL" -- "$data" >"$WORK/wrk-$name-warmup.txt"
	fi
	before=$(cpu_ticks); t0=$(uptime_now); children_cpu lg0
	run "${PIN_APP[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/lua/$script" "$BASE_URL" -- "$data" >"$WORK/wrk-$name.txt"
	children_cpu lg1
	gc_pauses "$name" "$t0" "$(uptime_now)"
	line=$(grep '^RESULT ' "$WORK/wrk-$name.txt") || die "wrk printed no result for $name"
	field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
	requests=$(field requests); duration=$(field duration_us)
	cpu_per_request "$name" "$before" "$(cpu_ticks)" "$requests" "$(awk -v a="$lg0" -v b="$lg1" 'BEGIN { print b - a }')"
	RPS[$name]=$(awk -v r="$requests" -v d="$duration" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
	P50[$name]=$(us_to_ms "$(field p50_us)")
	P99[$name]=$(us_to_ms "$(field p99_us)")
	ERRS[$name]=$(($(field status_errors) + $(field socket_errors)))
	log "$name: ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms, errors ${ERRS[$name]}, CPU us/request server/PostgreSQL/wrk/rest ${CPU[$name]}, GC pauses n/total/max ms ${GC[$name]}"
}

# before every run: the same start for each. Every table the earlier runs wrote to is
# vacuumed (not only conversations and messages: a message also rewrites its conversation's
# tag rows, and writes events and participants), so that no autovacuum of an earlier run's
# rows lands in the middle of a later run, and the dirty pages are checkpointed.
quiesce() {
	run sql -c "VACUUM" -c "CHECKPOINT"
}

# pgbench_run NAME WARMUP: the SQL of POST message straight from pgbench, the ceiling; as
# the server's role, woes_app, under row-level security (see the script's header).
pgbench_run() {
	local name=$1 warmup=$2 latencies tps before transactions lg0 lg1
	local PGBENCH_VARS=(-D targets="$TARGETS" -D workspaces="$TARGET_WORKSPACES" -D per_workspace="$PER_WORKSPACE")
	rm -f "$WORK"/pgbench_log*
	if [ "$warmup" -gt 0 ]; then
		run "${PIN_APP[@]}" "$PG_BIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$warmup" "${PGBENCH_VARS[@]}" \
			-f "$PGBENCH_SCRIPT" -h 127.0.0.1 -p "$PG_PORT" -U woes_app woesbench >"$WORK/$name-warmup.txt" 2>&1 \
			|| { cat "$WORK/$name-warmup.txt" >&2; die pgbench; }
		sleep 1
	fi
	before=$(cpu_ticks); children_cpu lg0
	run "${PIN_APP[@]}" "$PG_BIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" "${PGBENCH_VARS[@]}" \
		-f "$PGBENCH_SCRIPT" -l --log-prefix="$WORK/pgbench_log" \
		-h 127.0.0.1 -p "$PG_PORT" -U woes_app woesbench >"$WORK/$name.txt" 2>&1 || { cat "$WORK/$name.txt" >&2; die pgbench; }
	children_cpu lg1
	sleep 1 # PostgreSQL reaps the exited backends, and their CPU time becomes countable
	tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$WORK/$name.txt")
	[ -n "$tps" ] || { cat "$WORK/$name.txt" >&2; die "pgbench printed no tps"; }
	transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/$name.txt")
	cpu_per_request "$name" "$before" "$(cpu_ticks)" "$transactions" "$(awk -v a="$lg0" -v b="$lg1" 'BEGIN { print b - a }')"
	# the per-transaction log: client, transaction, latency (us), script, epoch s, epoch us
	latencies=$(cat "$WORK"/pgbench_log* | awk '{ print $3 }' | sort -n)
	RPS[$name]=$(printf '%.0f' "$tps")
	P50[$name]=$(us_to_ms "$(awk '{ a[NR] = $1 } END { print a[int(NR * 0.50) + 1] }' <<<"$latencies")")
	P99[$name]=$(us_to_ms "$(awk '{ a[NR] = $1 } END { print a[int(NR * 0.99) + 1] }' <<<"$latencies")")
	ERRS[$name]=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$WORK/$name.txt")
	ERRS[$name]=${ERRS[$name]:-0}
	GC[$name]=-
	log "$name: ${RPS[$name]} tps, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms, CPU us/transaction server/PostgreSQL/pgbench/rest ${CPU[$name]}"
}

median() { printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -n | awk '{ a[NR] = $1 } END { if (NR) print a[int((NR + 1) / 2)]; else print "-" }'; }

RESULT="$WORK/result.txt"
: >"$RESULT"
out() { printf "$@" | tee -a "$RESULT"; }
row() { out '%-44s %7s %7s %7s %7s  %-17s %s\n' "$@"; }
num() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?$ ]]; }
ratio() { if num "$1" && num "$2" && [ "$2" != 0 ]; then awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; else echo n/a; fi; }
le() { num "$1" && num "$2" && awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
lt() { num "$1" && num "$2" && awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

out '\nWoes benchmark, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
out 'machine: %s CPUs, %s GB RAM; %s; PostgreSQL %s (fsync on, synchronous_commit on); %s\n' \
	"$(nproc)" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
	"$("$JAVA" -version 2>&1 | head -1)" "$(sql -c 'SHOW server_version' | cut -d' ' -f1)" "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1,2)"
out 'load: %s connections, %s threads, %ss warm-up + %ss measured per run; server pool %s%s\n' \
	"$CONNECTIONS" "$THREADS" "$WARMUP" "$DURATION" "$POOL_SIZE" "$([ ${#PIN_PG[@]} = 0 ] || echo '; PostgreSQL pinned to CPU 0, the rest to CPU 1')"
out 'data at start: %s workspaces, %s conversations, %s messages; %s operators, %s conversations assigned, %s tags on conversations\n' \
	"$N_WS" "$N_CONV" "$N_MSG" "$N_OPS" "$N_ASSIGNED" "$N_TAGGED"

FAILED=0
wants() { [[ $ENDPOINTS == *" $1 "* ]]; }

# A fresh JVM runs interpreted and compiles as it goes: without this, whichever run comes
# first pays for the JIT. Every kind of request the runs will send gets a share.
warm_server() { # SCRIPT DATAFILE ...
	local each=$((SERVER_WARMUP * 2 / $#))
	[ "$each" -gt 0 ] || return 0
	log "warming the server up: ${SERVER_WARMUP}s"
	while [ $# -gt 0 ]; do
		run "${PIN_APP[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${each}s" --timeout 10s -s "$BENCH_DIR/lua/$1" "$BASE_URL" -- "$2" >/dev/null
		shift 2
	done
}
if [ "$MEASURE_ENDPOINTS" = 1 ]; then
	warm_server list.lua "$WORK/keys.tsv" get-conversation.lua "$WORK/targets.tsv" \
		create-conversation.lua "$WORK/keys.tsv" post-message.lua "$WORK/targets.tsv" \
		$(wants filtered && echo filtered.lua "$WORK/filtered.tsv") $(wants reply && echo reply.lua "$WORK/replies.tsv")
	# Reads start from the same state as the writes: the warm-up's writes (and the previous
	# run's) vacuumed and checkpointed, so that no run pays for an earlier one's autovacuum.
	wants list && { quiesce; measure list list.lua "$WORK/keys.tsv" "$WARMUP"; }
	wants filtered && { quiesce; measure filtered filtered.lua "$WORK/filtered.tsv" "$WARMUP"; }
	wants get && { quiesce; measure get get-conversation.lua "$WORK/targets.tsv" "$WARMUP"; }
	wants create && { quiesce; measure create create-conversation.lua "$WORK/keys.tsv" "$WARMUP"; }
	wants reply && { quiesce; measure reply reply.lua "$WORK/replies.tsv" "$WARMUP"; }
	# POST message and its ceiling take turns, in the order ABBA..., so that neither always
	# runs on the more bloated tables (every message adds index entries) and a slow spell of
	# this shared machine touches both. The first round warms up longer (JIT, pool, caches).
	for ((round = 1; round <= ROUNDS; round++)); do
		warm=$([ "$round" = 1 ] && echo "$WARMUP" || echo "$ROUND_WARMUP")
		order=$([ $((round % 2)) = 1 ] && echo "message pgbench" || echo "pgbench message")
		for name in $order; do
			wants "$name" || continue
			quiesce
			case $name in
				message) measure "message-$round" post-message.lua "$WORK/targets.tsv" "$warm" ;;
				pgbench) pgbench_run "pgbench-$round" "$warm" ;;
			esac
		done
	done

	out '\n'
	row "endpoint ($CONNECTIONS connections)" "req/s" "p50 ms" "p99 ms" "errors" "CPU us/req" "GC pauses"
	row "" "" "" "" "" "srv/PG/load/rest" "n/sum/max ms"
	declare -A LABEL=([list]="GET  /api/v1/conversations?limit=20" [get]="GET  /api/v1/conversations/{id}"
		[filtered]="GET  /api/v1/conversations?tag=&assigneeId=" [reply]="POST /api/v1/conversations/{id}/replies"
		[create]="POST /api/v1/conversations" [message]="POST /api/v1/conversations/{id}/messages"
		[pgbench]="pgbench, POST message's SQL (tx/s)")
	for name in list filtered get create reply; do
		wants "$name" && row "${LABEL[$name]}" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${ERRS[$name]}" "${CPU[$name]:--}" "${GC[$name]:--}"
	done
	RATIOS=()
	for ((round = 1; round <= ROUNDS; round++)); do
		for name in message pgbench; do
			wants "$name" && row "${LABEL[$name]} #$round" "${RPS[$name-$round]}" "${P50[$name-$round]}" "${P99[$name-$round]}" \
				"${ERRS[$name-$round]}" "${CPU[$name-$round]:--}" "${GC[$name-$round]:--}"
		done
		wants message && wants pgbench && RATIOS+=("$(ratio "${RPS[message-$round]}" "${RPS[pgbench-$round]}")")
	done
	out '\n'
	if wants message; then
		# the figures of POST message: the median of its rounds
		values() { local r; for ((r = 1; r <= ROUNDS; r++)); do eval "echo \${$1[$2-$r]}"; done; }
		RPS[message]=$(median $(values RPS message)); P50[message]=$(median $(values P50 message))
		P99[message]=$(median $(values P99 message)); ERRS[message]=$(($(values ERRS message | paste -sd+ -)))
	fi
	if wants message && wants pgbench; then
		RATIO=$(median "${RATIOS[@]}")
		met=met; le 0.75 "$RATIO" || { met=MISSED; FAILED=1; }
		out 'POST message / pgbench ceiling: %s (median of rounds: %s; target >= 0.75: %s)\n' "$RATIO" "${RATIOS[*]}" "$met"
	fi
	for name in list filtered get create reply message; do
		wants "$name" || continue
		met=met; lt "${P99[$name]}" 50 || { met=MISSED; FAILED=1; }
		out 'p99 %-8s %6s ms (target < 50 ms: %s)\n' "$name" "${P99[$name]}" "$met"
		[ "${ERRS[$name]}" = 0 ] || { FAILED=1; out 'WARNING: %s had %s failed requests (see wrk-%s*.txt)\n' "$name" "${ERRS[$name]}" "$name"; }
	done
	if wants filtered; then
		out 'filtered list plans in the workspace default, before the runs (explain-filtered.txt):\n'
		awk '/^-- / { if (line) print line; line = "  " substr($0, 4) ":"; next }
			/Scan|Sort|Join|Nested Loop/ && !/Sort Key|Sort Method/ { sub(/^ *(->  )?/, ""); sub(/ \(actual.*/, ""); line = line " " $0 ";" }
			/^Execution Time/ { line = line " " $3 " ms" }
			END { print line }' "$WORK/explain-filtered.txt" | tee -a "$RESULT"
		grep -q -E 'Sort|Seq Scan' "$WORK/explain-filtered.txt" && { FAILED=1; out 'WARNING: a filtered list plan sorts or scans a table\n'; }
	fi
	consistent=$(sql -c "SELECT (SELECT sum(message_count) FROM conversations) = (SELECT count(*) FROM messages)")
	out 'after the runs: sum(message_count) = count(messages): %s\n' "$consistent"
	[ "$consistent" = t ] || FAILED=1
fi

if [ "$MEASURE_RLS" = 1 ]; then
	# The policies on and off on the same server, data and cluster: ALTER TABLE ... DISABLE
	# ROW LEVEL SECURITY on every table with a workspace_id, and ENABLE again. The server
	# sends its settings either way (they cost no round trip of their own), so the
	# difference is what PostgreSQL spends on the policies.
	rls() { # on|off
		local verb=$([ "$1" = on ] && echo ENABLE || echo DISABLE)
		sql -c "DO \$\$ DECLARE t regclass; BEGIN
			FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'workspace_id' AND NOT a.attisdropped
			         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
			LOOP EXECUTE format('ALTER TABLE %s $verb ROW LEVEL SECURITY', t); END LOOP; END \$\$"
	}
	[ "$MEASURE_ENDPOINTS" = 1 ] || warm_server list.lua "$WORK/keys.tsv" post-message.lua "$WORK/targets.tsv"
	for ((round = 1; round <= ROUNDS; round++)); do
		order=$([ $((round % 2)) = 1 ] && echo "on off" || echo "off on")
		for state in $order; do
			rls "$state"
			measure "rls-list-$state-$round" list.lua "$WORK/keys.tsv" "$ROUND_WARMUP"
			quiesce
			measure "rls-message-$state-$round" post-message.lua "$WORK/targets.tsv" "$ROUND_WARMUP"
		done
	done
	rls on
	out '\nrow-level security: the same requests with the policies on and off, by turns\n'
	row "endpoint ($CONNECTIONS connections)" "req/s" "p50 ms" "p99 ms" "errors" "CPU us/req" "GC pauses"
	for name in list message; do
		ratios=()
		for ((round = 1; round <= ROUNDS; round++)); do
			for state in on off; do
				key="rls-$name-$state-$round"
				row "$name, policies $state #$round" "${RPS[$key]}" "${P50[$key]}" "${P99[$key]}" "${ERRS[$key]}" "${CPU[$key]:--}" "${GC[$key]:--}"
			done
			ratios+=("$(ratio "${RPS[rls-$name-on-$round]}" "${RPS[rls-$name-off-$round]}")")
		done
		cost=$(median "${ratios[@]}")
		met=met; le 0.95 "$cost" || { met=MISSED; FAILED=1; }
		out '%s with / without the policies: %s (median of rounds: %s; target >= 0.95: %s)\n' "$name" "$cost" "${ratios[*]}" "$met"
	done
fi

if [ "$MEASURE_SCALING" = 1 ]; then
	# Cursors for deep pages: 200 conversations evenly spread over the older half of each
	# workspace's inbox order, so each request starts at a different place deep in it.
	for slug in big small; do
		key=$(key_of "$slug")
		echo "$key" >"$WORK/list-first-$slug.tsv"
		sql -F $'\t' -c "
			SELECT '$key', conversation_id FROM (
				SELECT conversation_id, row_number() OVER (ORDER BY last_message_at DESC, conversation_id DESC) AS rn,
				       count(*) OVER () AS total
				FROM conversations WHERE workspace_id = bench.workspace_id('$slug')) AS ordered
			WHERE rn > total / 2 AND rn % (total / 400) = 0" >"$WORK/list-deep-$slug.tsv"
	done
	sql -v ws=big -v cursor="$(head -1 "$WORK/list-deep-big.tsv" | cut -f2)" -f "$BENCH_DIR/sql/explain-list.sql" >"$WORK/explain-list.txt"
	[ "$MEASURE_ENDPOINTS" = 1 ] || warm_server list.lua "$WORK/list-first-small.tsv" list.lua "$WORK/list-deep-big.tsv"
	for page in first deep; do
		for slug in small big; do
			measure "$page-$slug" list.lua "$WORK/list-$page-$slug.tsv" "$WARMUP"
		done
	done
	out '\n'
	row "GET list, 1 workspace ($CONNECTIONS connections)" "req/s" "p50 ms" "p99 ms" "errors" "CPU us/req" "GC pauses"
	row "" "" "" "" "" "srv/PG/load/rest" "n/sum/max ms"
	for page in first deep; do
		row "$page page, $SMALL conversations" "${RPS[$page-small]}" "${P50[$page-small]}" "${P99[$page-small]}" "${ERRS[$page-small]}" "${CPU[$page-small]:--}" "${GC[$page-small]:--}"
		row "$page page, $BIG conversations" "${RPS[$page-big]}" "${P50[$page-big]}" "${P99[$page-big]}" "${ERRS[$page-big]}" "${CPU[$page-big]:--}" "${GC[$page-big]:--}"
	done
	for page in first deep; do
		p50_ratio=$(ratio "${P50[$page-big]}" "${P50[$page-small]}")
		rps_ratio=$(ratio "${RPS[$page-small]}" "${RPS[$page-big]}")
		met=met
		le "$p50_ratio" 1.2 && le "$rps_ratio" 1.2 || { met=MISSED; FAILED=1; }
		out '%s page, big / small: p50 x%s, time per request (1/req/s) x%s (target within 1.2x: %s)\n' \
			"$page" "$p50_ratio" "$rps_ratio" "$met"
	done
	out 'list plans in the big workspace (explain-list.txt):\n'
	awk '/^-- / { if (line) print line; line = "  " substr($0, 4) ":"; next }
		/Scan|Sort/ { sub(/^ *(->  )?/, ""); sub(/ \(actual.*/, ""); sub(/ on conversations.*/, ""); line = line " " $0 ";" }
		END { print line }' "$WORK/explain-list.txt" | tee -a "$RESULT"
	grep -q -E 'Sort|Seq Scan' "$WORK/explain-list.txt" && { FAILED=1; out 'WARNING: a list plan sorts or scans the table\n'; }
fi

for failure in "${PROBE_FAILURES[@]}"; do
	FAILED=1
	out '\nNOT MEASURED: %s\n' "$failure"
done
out '\nlogs and raw outputs: %s\n' "$RESULTS"
log "done in $(($(date +%s) - STARTED_AT)) s"
[ "$FAILED" = 0 ] || log "a target was missed (see above)"
exit 0
