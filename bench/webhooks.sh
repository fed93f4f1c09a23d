#!/usr/bin/env bash
# Benchmarks webhooks: POST message throughput with active webhook endpoints against the
# same without any, and how many deliveries per second the server sends to a fast local
# receiver. One bounded command, about 4 minutes.
#
#   bench/webhooks.sh
#
# It starts a throwaway PostgreSQL 15 cluster, the server (target/woes.jar, built if
# missing; WOES_WEBHOOKS_ALLOW_PRIVATE=true so it may send to 127.0.0.1) and a receiver
# (bench/receiver/WebhookReceiver.java, answers 204 at once), seeds one workspace, and
# runs POST message with wrk in the order: without, with, with, without (each round's
# endpoints are created or deleted before it, which also drops what an earlier round left
# queued). After each run with endpoints it counts what the receiver gets while the
# server only sends, for BENCH_DRAIN_WINDOW seconds. It stops what it started by PID and deletes its files, also when
# interrupted or when BENCH_TIME_LIMIT runs out. docs/benchmarks.md explains the figures.
#
# Settings (environment):
#   BENCH_DURATION=20        seconds measured per run
#   BENCH_WARMUP=5           seconds of unmeasured load before each run
#   BENCH_SERVER_WARMUP=20   seconds of load on a fresh server before any run
#   BENCH_CONNECTIONS=64     BENCH_THREADS=2
#   BENCH_ENDPOINTS=5        webhook endpoints in the runs with webhooks
#   BENCH_ORDER="without with with without"
#   BENCH_CONVERSATIONS=10000  conversations of the workspace (seeded without messages)
#   BENCH_DRAIN_WINDOW=20    seconds of sending without API load after a run with endpoints
#   BENCH_PG_BIN=/usr/lib/postgresql/15/bin   BENCH_TIME_LIMIT=900   BENCH_TMPDIR
#   BENCH_RESULTS=target/bench-webhooks       WOES_JAR=target/woes.jar   JAVA_OPTS
#   WOES_RATE_LIMIT_REQUESTS_PER_SECOND, WOES_RATE_LIMIT_BURST   the per-key rate limit; the
#                            bench lifts it (1e9) so that it measures the server, not the limit
set -Eeuo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
[ "${1:-}" = --help ] || [ "${1:-}" = -h ] && { sed -n '2,/^set -E/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0; }

DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
SERVER_WARMUP=${BENCH_SERVER_WARMUP:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
ENDPOINTS=${BENCH_ENDPOINTS:-5}
ORDER=${BENCH_ORDER:-without with with without}
CONVERSATIONS=${BENCH_CONVERSATIONS:-10000}
DRAIN_WINDOW=${BENCH_DRAIN_WINDOW:-20}
TIME_LIMIT=${BENCH_TIME_LIMIT:-900}
RESULTS_DEFAULT=$ROOT/target/bench-webhooks
RESULTS=${BENCH_RESULTS:-$RESULTS_DEFAULT}
export WOES_BENCH_LUA="$BENCH_DIR/lua"

# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
start_guard "$TIME_LIMIT"
require_tools --cmd wrk initdb pg_ctl psql

# ---------------------------------------------------------------- PostgreSQL, server, receiver

make_work woes-bench-webhooks
start_postgres 5433 512MB "max_wal_size = 8GB
checkpoint_timeout = 30min"
log "PostgreSQL 15: a new cluster on 127.0.0.1:$PG_PORT"
create_database

RECEIVER_PORT=$(free_port 18280)
"$JAVA" "$BENCH_DIR/receiver/WebhookReceiver.java" "$RECEIVER_PORT" >"$WORK/receiver.log" 2>&1 &
track_helper $! "the receiver"
RECEIVER="http://127.0.0.1:$RECEIVER_PORT"

KEY=$(random_key)
start_server 18180 "$KEY" WOES_WEBHOOKS_ALLOW_PRIVATE=true
log "server: $JAR on $BASE_URL, receiver on $RECEIVER"
for ((i = 0; ; i++)); do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$RECEIVER/count")" = 200 ] && break
	[ "$i" -lt 300 ] || die "the receiver did not start"
	sleep 0.1
done
log "server and receiver ready; seeding $CONVERSATIONS conversations"
sql -f "$BENCH_DIR/sql/seed.sql"
run sql -c "CALL bench.seed_workspace('default', 'Default', $CONVERSATIONS, false, '$KEY')"
sql -c "CALL bench.pick_targets(ARRAY['default'])"
sql -F $'\t' -c "SELECT k.secret, t.conversation_id FROM bench.targets t JOIN bench.keys k USING (workspace_id) ORDER BY t.n" >"$WORK/targets.tsv"
run sql -c "VACUUM (ANALYZE)" -c "CHECKPOINT"

# ---------------------------------------------------------------- the runs

api() { curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
received() { curl -s "$RECEIVER/count"; }
pending() { sql -c "SELECT count(*) FROM webhook_deliveries WHERE state = 'pending'"; }

set_endpoints() { # N: delete every endpoint, then create N pointing at the receiver
	local id
	for id in $(api "$BASE_URL/api/v1/webhooks?limit=100" | grep -o '"id":"[^"]*"' | cut -d'"' -f4); do
		api -X DELETE "$BASE_URL/api/v1/webhooks/$id" >/dev/null
	done
	for ((i = 1; i <= $1; i++)); do
		api -X POST "$BASE_URL/api/v1/webhooks" --data "{\"name\":\"bench $i\",\"url\":\"$RECEIVER/hook/$i\",\"events\":[\"conversation.message.created\"]}" \
			| grep -q '"object":"webhook"' || die "could not create an endpoint"
	done
}

log "warming the server up: ${SERVER_WARMUP}s"
run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SERVER_WARMUP}s" --timeout 10s -s "$BENCH_DIR/lua/post-message.lua" "$BASE_URL" -- "$WORK/targets.tsv" >/dev/null

RESULT="$WORK/result.txt"
: >"$RESULT"
out() { printf "$@" | tee -a "$RESULT"; }
out '\nWoes webhook benchmark, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
out 'machine: %s CPUs; %s; load: wrk %s connections, %ss warm-up + %ss measured; %s endpoints subscribed to conversation.message.created\n' \
	"$(nproc)" "$("$JAVA" -version 2>&1 | head -1)" "$CONNECTIONS" "$WARMUP" "$DURATION" "$ENDPOINTS"
out '\n%-10s %8s %7s %7s %7s  %12s %12s %9s %12s\n' run "req/s" "p50 ms" "p99 ms" errors "deliv./s run" "queued (+)" "pending" "deliv./s idle"
declare -a WITH WITHOUT
n=0
for phase in $ORDER; do
	n=$((n + 1))
	[ "$phase" = with ] && set_endpoints "$ENDPOINTS" || set_endpoints 0
	run sql -c "VACUUM conversations, messages, webhook_deliveries" -c "CHECKPOINT"
	run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s "$BENCH_DIR/lua/post-message.lua" "$BASE_URL" -- "$WORK/targets.tsv" >/dev/null
	c0=$(received); t0=$(date +%s.%N)
	run wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/lua/post-message.lua" "$BASE_URL" -- "$WORK/targets.tsv" >"$WORK/wrk-$n-$phase.txt"
	t1=$(date +%s.%N); c1=$(received); backlog=$(pending)
	# events not yet turned into deliveries are not counted in pending: the queue behind the dispatcher
	undispatched=$(sql -c "SELECT count(*) FROM events e, webhook_workspaces w WHERE e.workspace_id = w.workspace_id AND (e.tx_id, e.seq) > (w.cursor_tx, w.cursor_seq) AND e.type = 'conversation.message.created'")
	line=$(grep '^RESULT ' "$WORK/wrk-$n-$phase.txt") || die "wrk printed no result"
	field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$line"; }
	rps=$(awk -v r="$(field requests)" -v d="$(field duration_us)" 'BEGIN { printf "%.0f", r / (d / 1e6) }')
	p50=$(awk -v us="$(field p50_us)" 'BEGIN { printf "%.1f", us / 1000 }')
	p99=$(awk -v us="$(field p99_us)" 'BEGIN { printf "%.1f", us / 1000 }')
	errors=$(($(field status_errors) + $(field socket_errors)))
	during=- idle=- queued=-
	if [ "$phase" = with ]; then
		WITH+=("$rps")
		during=$(awk -v c="$((c1 - c0))" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", c / (b - a) }')
		queued="$backlog+$((undispatched * ENDPOINTS))"
		sleep "$DRAIN_WINDOW"
		c2=$(received)
		idle=$(awk -v c="$((c2 - c1))" -v d="$DRAIN_WINDOW" 'BEGIN { printf "%.0f", c / d }')
	else
		WITHOUT+=("$rps")
	fi
	out '%-10s %8s %7s %7s %7s  %12s %12s %9s %12s\n' "#$n $phase" "$rps" "$p50" "$p99" "$errors" "$during" "$queued" "$(pending)" "$idle"
done
sum() { printf '%s\n' "$@" | awk '{ s += $1 } END { print s / NR }'; }
out '\nPOST message with %s endpoints / without: %s (means %s / %s; target >= 0.9)\n' "$ENDPOINTS" \
	"$(awk -v a="$(sum "${WITH[@]}")" -v b="$(sum "${WITHOUT[@]}")" 'BEGIN { printf "%.2f", a / b }')" "$(sum "${WITH[@]}")" "$(sum "${WITHOUT[@]}")"
out 'failed deliveries: %s\n' "$(sql -c "SELECT count(*) FROM webhook_deliveries WHERE state = 'failed'")"
log "done in $(($(date +%s) - STARTED_AT)) s"
