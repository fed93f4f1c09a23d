#!/usr/bin/env bash
# Crash test with longer settings: runs the crash test of `./mvnw verify`
# (src/test/java/dev/woes/crash/CrashIT.java), alone. Acknowledged writes survive kill -9 of
# the server and of PostgreSQL, are never written twice and keep their order, and every
# committed conversation event reaches a webhook endpoint at least once.
#
#   bench/crash-test.sh                           synchronous_commit on (the default): no loss
#   bench/crash-test.sh --synchronous-commit-off  the same with synchronous_commit off, on
#                                                 purpose: PostgreSQL may acknowledge commits
#                                                 it then loses in a crash, and the test must
#                                                 notice (it then fails, naming what is missing)
#
# The test starts PostgreSQL from the project's bundled binaries and the server as its own
# process (java -jar target/woes.jar), both on free ports of 127.0.0.1; see the test's Javadoc
# and docs/reliability.md. It prints its counts; they are repeated at the end of this script.
# Logs of the last run: target/crash-test/server.log and postgres.log.
#
# Settings (environment):
#   CRASH_DURATION=180      seconds of writing, at least (writing goes on until every crash
#                           below has happened)
#   CRASH_CLIENTS=16        concurrent clients
#   CRASH_SERVER_KILLS=4    kill -9 of the server
#   CRASH_PG_CRASHES=6      crashes of PostgreSQL (kill -9 of all its processes)
#   CRASH_DRAIN=300         the longest wait for webhook deliveries after writing, in seconds
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

SYNCHRONOUS_COMMIT=on
for arg in "$@"; do
	case "$arg" in
		--synchronous-commit-off) SYNCHRONOUS_COMMIT=off ;;
		-h|--help) sed -n '2,/^set -E/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
		*) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
	esac
done

cd "$ROOT"
status=0
./mvnw -B verify -Dit.test=CrashIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	-Dspotbugs.skip=true -Dspring-javaformat.skip=true \
	-Dcrash.synchronousCommit="$SYNCHRONOUS_COMMIT" \
	-Dcrash.durationSeconds="${CRASH_DURATION:-180}" \
	-Dcrash.clients="${CRASH_CLIENTS:-16}" \
	-Dcrash.serverKills="${CRASH_SERVER_KILLS:-4}" \
	-Dcrash.pgCrashes="${CRASH_PG_CRASHES:-6}" \
	-Dcrash.drainSeconds="${CRASH_DRAIN:-300}" || status=$?

OUTPUT=target/failsafe-reports/dev.woes.crash.CrashIT-output.txt
if [ -f "$OUTPUT" ]; then
	echo
	grep -E '^(\[crash test|crash test)' "$OUTPUT" | head -80
fi
if [ "$status" = 0 ]; then
	echo "PASS: every acknowledged write is present once, in order, and every event was delivered"
elif [ "$SYNCHRONOUS_COMMIT" = off ]; then
	echo "FAIL, with synchronous_commit off: the counts above say what the checker found missing"
else
	echo "FAIL: see the counts above and target/crash-test/"
fi
exit "$status"
