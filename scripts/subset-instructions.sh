#!/usr/bin/env bash
# The compile cost of typed subsets, in ../shared/bench/compile/instr.sh's terms: instr.sh
# itself, run on its `apistatus` crate (N variants) and on the same crate with SUBSETS subsets
# of N/SUBSETS variants each (`#[status(subset(S0 = [V0, ...], derive(Debug,
# thiserror::Error)))]`), which a shim of gen.py writes; thiserror alone is the baseline.
# SUBSET_DERIVE sets what goes in `derive(...)` (empty: no `derive(...)`, so the subsets have
# only their `ApiStatus` and conversions).
# Usage (from the project root): [SUBSET_DERIVE=...] bash scripts/subset-instructions.sh [N] [SUBSETS]
set -euo pipefail
n=${1:-100}
subsets=${2:-10}
derive=${SUBSET_DERIVE-Debug, thiserror::Error}
shared=$(cd ../shared/bench/compile && pwd)
shim=$(mktemp -d)
trap 'rm -rf "$shim"' EXIT
cp "$shared/instr.sh" "$shim/instr.sh"
cat > "$shim/gen.py" <<PY
import os, re, subprocess, sys
mode, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
real = "apistatus" if mode == "apistatus-subsets" else mode
subprocess.run([sys.executable, "$shared/gen.py", real, *sys.argv[2:]], check=True)
if mode == "apistatus-subsets":
    lib = os.path.join(out, "src", "lib.rs")
    source = open(lib).read()
    size = n // $subsets
    derive = ", derive($derive)" if "$derive" else ""
    lines = [
        "#[status(subset(S%d = [%s]%s))]"
        % (s, ", ".join("V%d" % i for i in range(s * size, (s + 1) * size)), derive)
        for s in range($subsets)
    ]
    source = source.replace("pub enum AppError {", "\n".join(lines) + "\npub enum AppError {", 1)
    open(lib, "w").write(source)
    toml = os.path.join(out, "Cargo.toml")
    manifest = open(toml).read().replace('name = "bench-apistatus-', 'name = "bench-apistatus-subsets-')
    open(toml, "w").write(manifest)
PY
BENCH_WORK=${BENCH_WORK:-/tmp/compile-bench-subsets} bash "$shim/instr.sh" \
  "thiserror apistatus apistatus-subsets" "$n" "apistatus:thiserror apistatus-subsets:thiserror apistatus-subsets:apistatus"
