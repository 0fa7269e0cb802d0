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
run() {
  local tests="$1_tests[@]"
  cargo mutants --package "status-$1" --all-features --test-workspace true --baseline skip \
    --timeout 300 \
    --gitignore true --output "target/mutants-$1" "${@:2}" -- "${!tests}" || true
  for outcome in caught missed timeout unviable; do
    file="target/mutants-$1/mutants.out/$outcome.txt"
    printf '%s %s: %s\n' "$1" "$outcome" "$( ([ -f "$file" ] && wc -l < "$file") || echo 0)"
  done
}

case "$crate" in
  derive | core) run "$crate" "$@" ;;
  all) run derive "$@"; run core "$@" ;;
  *) echo "usage: $0 [derive|core] [cargo-mutants options]" >&2; exit 2 ;;
esac
