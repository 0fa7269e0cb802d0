#!/usr/bin/env bash
# Mutation testing with cargo-mutants, one crate at a time: `scripts/mutants.sh derive`,
# `scripts/mutants.sh core`, or both with no argument. Extra arguments after the crate go to
# cargo-mutants (`--shard 0/8`, `--re valid`). Results land in target/mutants-{crate}/.
#
# Each mutant runs the workspace's unit tests and integration tests, since most behaviour is
# tested from the outside, but not the trybuild suite (minutes a run; its reviewed .stderr
# files are checked in-process by status-derive's tests::ui_stderr instead), the browser
# test, or the doc tests (cargo cannot mix --doc with other targets). The baseline is skipped:
# cargo-mutants runs it on the mutated package alone, which has none of the workspace's test
# targets; `cargo test` with these arguments is it. `--iterate` (after a run) tests only the
# mutants that were missed before.
#
# Exits 0 when every mutant was caught, 2 when some were missed and 3 when some timed out
# (cargo-mutants' codes; the lists are in target/mutants-{crate}/mutants.out/), and non-zero,
# saying why, when no mutant was tested at all.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo mutants --version > /dev/null 2>&1 || cargo install cargo-mutants --locked

# The derive's mutants change only the expansion: its unit tests (with the in-process check of
# the reviewed .stderr files) and the tests that derive types catch them, in about 3 s a mutant.
# The library's mutants need every integration test, the framework servers among them.
derive_tests=(
  --lib
  --test allocations --test derive --test docs --test handwritten --test pedantic
  --test problem_types --test properties --test static_bodies --test catalog_consistency
  --test publication --test from_problem
)
core_tests=(
  "${derive_tests[@]}"
  --test actix_server --test aide_openapi --test axum_server --test grpc
  --test problem_pages --test tracing_log --test utoipa_openapi --test decode_over_http
  --test violations --test validation
)
# Without debug info, linking a test binary takes a third less time.
export CARGO_PROFILE_DEV_DEBUG=0

crate=${1:-all}
shift || true
# What cargo-mutants' exit code says; a run that did not test the mutants fails loudly.
meaning() {
  case $1 in
    1) echo "usage error" ;;
    4) echo "the tests fail without any mutation" ;;
    5 | 6) echo "the --in-diff diff does not fit this tree" ;;
    70) echo "cargo-mutants failed internally" ;;
    *) echo "exit code $1" ;;
  esac
}
run() {
  local tests="$1_tests[@]" output="target/mutants-$1" status=0 tested=0
  mkdir -p target
  cargo mutants --package "status-$1" --all-features --test-workspace true --baseline skip \
    --timeout 300 \
    --gitignore true --output "$output" "${@:2}" -- "${!tests}" || status=$?
  for outcome in caught missed timeout unviable; do
    file="$output/mutants.out/$outcome.txt"
    count=$( ([ -f "$file" ] && wc -l < "$file") || echo 0)
    tested=$((tested + count))
    printf '%s %s: %s\n' "$1" "$outcome" "$count"
  done
  case $status in
    0 | 2 | 3) ;;
    *)
      echo "$1: cargo-mutants did not test the mutants: $(meaning "$status") (see $output/mutants.out/debug.log)" >&2
      return "$status"
      ;;
  esac
  if [ "$tested" -eq 0 ]; then
    echo "$1: no mutant was tested; check the arguments and $output/mutants.out/" >&2
    return 1
  fi
  # 2: some mutants were missed, 3: some timed out; both listed in mutants.out/.
  return "$status"
}

# Both crates run even if the first has missed mutants; the script exits with the worse code.
status=0
case "$crate" in
  derive | core) run "$crate" "$@" || status=$? ;;
  all)
    run derive "$@" || status=$?
    run core "$@" || { code=$?; [ "$code" -gt "$status" ] && status=$code; }
    ;;
  *) echo "usage: $0 [derive|core] [cargo-mutants options]" >&2; exit 2 ;;
esac
exit "$status"
