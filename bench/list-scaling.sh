#!/usr/bin/env bash
# List latency in a workspace of 1,000,000 conversations against one of 10,000, first
# page and deep pages; the same as `bench/run.sh --only-list-scaling` (see run.sh for the
# settings).
exec "$(dirname "${BASH_SOURCE[0]}")/run.sh" --only-list-scaling "$@"
