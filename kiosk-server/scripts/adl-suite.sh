#!/usr/bin/env bash
# Runs the ADL LRS Conformance Test Suite (xAPI 1.0.3) against this repository's server: a fresh data folder, a `hub`
# client made with `npm run admin -- client add`, the server on its own port, the suite's console runner with Basic
# auth; prints the suite's counts and the name of every failing test, stops the server and removes the data folder.
#
#   kiosk-server/scripts/adl-suite.sh <suite checkout> [runner options, e.g. -g "Alternate Request"]
#
# The checkout is adlnet/lrs-conformance-test-suite with its dependencies installed once (`npm install` there, which
# needs the npm registry); from then on this runs offline. Environment: ADL_SUITE_PORT (default 18841),
# ADL_SUITE_LOG (where to copy the runner's failures-only JSON log; default: left in the checkout's logs/).
# Exit status: 0 when every test passed, 1 otherwise.
set -euo pipefail

suite=${1:?usage: kiosk-server/scripts/adl-suite.sh <lrs-conformance-test-suite checkout> [runner options]}
shift
suite=$(cd "$suite" && pwd)
[ -f "$suite/bin/console_runner.js" ] || { echo "adl-suite: $suite is not a checkout of lrs-conformance-test-suite" >&2; exit 2; }
[ -d "$suite/node_modules" ] || { echo "adl-suite: run 'npm install' in $suite first (once; needs the npm registry)" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/../.." && pwd)
port=${ADL_SUITE_PORT:-18841}
data=$(mktemp -d /tmp/adl-suite-data.XXXXXX)
out=$(mktemp /tmp/adl-suite-run.XXXXXX)
server=''
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data" "$out"
}
trap cleanup EXIT

cd "$repo"
credentials=$(RUYI_DATA_DIR="$data" npm run -s admin -- client add adl-suite --role hub | tail -n 1)
key=${credentials%%:*}
secret=${credentials#*:}

# The suite sends about 1,400 requests in half a minute: the per-client budget is lifted for this run only.
PORT=$port HOST=127.0.0.1 RUYI_DATA_DIR="$data" RUYI_XAPI_RATE_LIMIT=1000000 \
  node --import tsx kiosk-server/src/server.ts >"$data/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$port/xapi/about" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "adl-suite: the server stopped; its log:" >&2; cat "$data/server.log" >&2; exit 1; }
  sleep 0.2
done

cd "$suite"
status=0
node bin/console_runner.js -x 1.0.3 -e "http://127.0.0.1:$port/xapi" -a -u "$key" -p "$secret" -z "$@" >"$out" 2>&1 || status=$?
log=$(sed -n 's/^Full run log written to //p' "$out" | tail -n 1)
grep -E '^\{"total"' "$out" | tail -n 1
if [ -z "$log" ] || [ ! -f "$log" ]; then
  echo "adl-suite: the runner wrote no log; its output:" >&2
  cat "$out" >&2
  exit 1
fi
# Every failing test with the describe blocks above it, and the first line of its error.
node -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  (function walk(node, path) {
    if (!node) return;
    const here = node.title ? [...path, node.title] : path;
    if (node.status === "failed" && !(node.tests || []).length)
      console.log("FAIL " + here.slice(1).join(" > ") + (node.error ? "\n     " + String(node.error).split("\n")[0] : ""));
    for (const t of node.tests || []) walk(t, here);
  })(log.log, []);
' "$log"
if [ -n "${ADL_SUITE_LOG:-}" ]; then cp "$log" "$ADL_SUITE_LOG"; fi
[ "$status" -eq 0 ]
