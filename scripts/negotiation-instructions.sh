#!/usr/bin/env bash
# Instructions of what content negotiation costs, under callgrind (10,000 calls a case; the
# empty loop's count taken off each): `bash scripts/negotiation-instructions.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
bin=$(cargo bench --bench negotiation_instructions --features axum --no-run --message-format=json 2> /dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "negotiation_instructions" and m.get("executable"):
        print(m["executable"])')
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" 2>&1 > /dev/null \
    | sed -n 's/.*Collected : //p'
}
base=$(count none)
declare -A n
for case in today today-json negotiated negotiated-json around around-json identity-layer \
  body page response into-response; do
  n[$case]=$(( ($(count "$case") - base) / 10000 ))
done
ratio() {
  awk -v a="${n[$2]}" -v b="${n[$3]}" -v what="$1" \
    'BEGIN { printf "%-58s %6d / %6d = %.3fx\n", what, a, b, a / b }'
}
ratio "router, no Accept: negotiation on / today" negotiated today
ratio "router, Accept JSON: negotiation on / today" negotiated-json today-json
ratio "router, no Accept: around the router / today" around today
ratio "router, Accept JSON: around the router / today" around-json today-json
ratio "router, no Accept: an identity layer / today" identity-layer today
ratio "HTML page / JSON body" page body
ratio "IntoResponse (with the record) / axum::response (none)" into-response response
