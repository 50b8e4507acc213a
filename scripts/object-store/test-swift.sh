#!/usr/bin/env bash
# The S3 target's test suite against a real object store: brings up a single-node Swift with
# s3api (swift-up.sh), runs test/adapters/publish/s3 with PREP_TEST_S3_* pointing at it, and
# brings Swift down whatever happens. Exits with the tests' exit code. Needs root the first
# time (apt-get). On failure the run folder and its logs are kept and named.
set -euo pipefail
cd "$(dirname "$0")/../.."
run="$(mktemp -d -t prep-swift.XXXXXX)"
finish() {
  local status=$?
  bash scripts/object-store/swift-down.sh "$run"
  if [ "$status" -eq 0 ]; then rm -rf "$run"; else echo "test-swift: failed (exit $status); Swift's logs are in $run/logs" >&2; fi
  exit "$status"
}
trap finish EXIT
bash scripts/object-store/swift-up.sh "$run"
set -a
. "$run/s3.env"
set +a
npx vitest run test/adapters/publish/s3
