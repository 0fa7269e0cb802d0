#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, on its own corpus (fuzz/corpus/TARGET, created
# here; `derive`'s is seeded from the trybuild cases by seed.sh and fuzzed with derive.dict).
# A target with committed seeds (fuzz/seeds/TARGET) also reads them; new inputs go to corpus/.
# Exits non-zero if any target crashes; the crashing input is in fuzz/artifacts/TARGET/.
#
# Usage: bash fuzz/run.sh SECONDS [TARGET...]   (from any directory; default: every target)
# Uses the nightly toolchain when rustup has one, else stable with RUSTC_BOOTSTRAP=1; always
# `--sanitizer none`, as the crates forbid unsafe code. Extra libFuzzer flags can be passed
# in FUZZ_FLAGS (e.g. FUZZ_FLAGS="-max_len=4096"); targets run as many at a time as there are
# cores, or FUZZ_JOBS.
set -euo pipefail

if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 SECONDS [TARGET...]" >&2
  exit 2
fi
seconds=$1
shift

cd "$(dirname "${BASH_SOURCE[0]}")"

if ! cargo fuzz --version > /dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
if rustup toolchain list 2> /dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <("${fuzz[@]}" list)
fi

bash seed.sh corpus/derive > /dev/null
# Build every target once, up front, so the time limits are spent fuzzing.
"${fuzz[@]}" build --sanitizer none

logs=target/fuzz-logs
mkdir -p "$logs"

# One target on its corpus; its summary, or the log's tail on a crash, is what it prints.
fuzz_one() {
  local target=$1
  mkdir -p "corpus/$target"
  local flags=(-max_total_time="$seconds" -print_final_stats=1)
  if [ -f "$target.dict" ]; then
    flags+=(-dict="$target.dict")
  fi
  local corpora=("corpus/$target")
  if [ -d "seeds/$target" ]; then
    corpora+=("seeds/$target")
  fi
  echo "== $target: ${seconds}s"
  # shellcheck disable=SC2086 # FUZZ_FLAGS is a list of flags
  if "${fuzz[@]}" run --sanitizer none "$target" "${corpora[@]}" -- "${flags[@]}" ${FUZZ_FLAGS:-} \
    > "$logs/$target.log" 2>&1; then
    grep -E '^#[0-9]+[[:space:]]+DONE' "$logs/$target.log" | tail -n 1 || true
    grep -E '^stat::number_of_executed_units' "$logs/$target.log" || true
  else
    tail -n 40 "$logs/$target.log"
    echo "== $target FAILED (log: fuzz/$logs/$target.log, inputs: fuzz/artifacts/$target/)"
    return 1
  fi
}

# libFuzzer runs on one core: as many targets at once as there are cores (FUZZ_JOBS), each
# for its full time, so the wall time shrinks and no target is fuzzed less.
parallel=${FUZZ_JOBS:-$(nproc)}
for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do
    wait -n || true
  done
  rm -f "$logs/$target.failed"
  (fuzz_one "$target" > "$logs/$target.summary" 2>&1 || touch "$logs/$target.failed") &
done
wait

failed=()
for target in "${targets[@]}"; do
  cat "$logs/$target.summary"
  if [ -e "$logs/$target.failed" ]; then
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "crashed: ${failed[*]}" >&2
  exit 1
fi
echo "no crash in: ${targets[*]}"
