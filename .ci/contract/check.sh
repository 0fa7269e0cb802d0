#!/usr/bin/env bash
# The outside tools, pointed at a running example service: schemathesis calls it and checks
# every response against its document; spectral lints the document; openapi-typescript turns
# it into types and tsc --strict compiles client.ts against them.
# Usage: check.sh NAME BASE_URL [--no-client]   (the document is at BASE_URL/openapi.json;
# --no-client for a service other than the users API client.ts is written against)
set -euo pipefail
cd "$(dirname "$0")"
name=$1
base=$2
client=${3:-}
mkdir -p generated
doc=generated/$name.openapi.json
python3 - "$base/openapi.json" "$doc" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as response:
    open(sys.argv[2], "wb").write(response.read())
PY

# A fixed seed, so a failure can be replayed; the examples bound the run's length.
schemathesis run "$base/openapi.json" \
  --checks status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection,unsupported_method,allow_header_conformance \
  --max-examples 50 --seed 19 --no-color

# The whole ruleset; what it says of the example's own metadata (servers, tags, contact,
# operation ids) is shown, but only a finding on a response, or any error, fails.
./node_modules/.bin/spectral lint "$doc" --ruleset .spectral.yaml -f json -o generated/spectral.json -q || true
python3 - generated/spectral.json <<'PY'
import json, sys
findings = json.load(open(sys.argv[1]))
failing = [f for f in findings if "responses" in f["path"] or f["severity"] == 0]
for f in findings:
    mark = "FAIL" if f in failing else "note"
    print(f"spectral {mark}: {f['code']} at {'.'.join(map(str, f['path']))}: {f['message']}")
sys.exit(1 if failing else 0)
PY

if [ "$client" = --no-client ]; then
  echo "$name: schemathesis and spectral found nothing"
  exit 0
fi
./node_modules/.bin/openapi-typescript "$doc" -o generated/api.d.ts
./node_modules/.bin/tsc -p tsconfig.json
echo "$name: schemathesis, spectral and tsc --strict found nothing"
