#!/usr/bin/env bash
# Instructions of 100,000 `body()` calls against the constant-prefix writer and the serde
# struct, under callgrind:
# `bash scripts/body-instructions.sh`. The empty loop's count is taken off both.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
bin=$(cargo bench --bench body_instructions --no-run --message-format=json 2> /dev/null \
  | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "body_instructions" and m.get("executable"):
        print(m["executable"])')
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" 2>&1 > /dev/null \
    | sed -n 's/.*Collected : //p'
}
base=$(count none)
for status in 404 429; do
  derived=$(( $(count "derived-$status") - base ))
  prefix=$(( $(count "prefix-$status") - base ))
  serde=$(( $(count "serde-$status") - base ))
  awk -v d="$derived" -v p="$prefix" -v s="$status" -v j="$serde" \
    'BEGIN { printf "%s body: derived %d, constant prefix %d (%.3fx), serde struct %d (%.3fx) instructions\n", s, d, p, d / p, j, d / j }'
done
