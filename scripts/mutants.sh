#!/usr/bin/env bash
# Mutation testing with cargo-mutants, one crate at a time: `scripts/mutants.sh derive`,
# `scripts/mutants.sh core`, or both with no argument. Extra arguments after the crate go to
# cargo-mutants (`--shard 0/8`, `--re valid`). Results land in target/mutants-{crate}/.
#
# Each mutant runs the workspace's unit tests and integration tests, since most behaviour is
# tested from the outside, but not the trybuild suite (minutes a run), the browser test, or
# the doc tests. The baseline is skipped: cargo-mutants runs it on the mutated package alone,
# which has none of the workspace's test targets; `cargo test` with these arguments is it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo mutants --version > /dev/null 2>&1 || cargo install cargo-mutants --locked

fast_tests=(
  --lib
  --test actix_server --test aide_openapi --test allocations --test axum_server
  --test catalog_consistency --test derive --test docs --test handwritten --test pedantic
  --test problem_pages --test problem_types --test properties --test tracing_log
  --test utoipa_openapi
)

crate=${1:-all}
shift || true
run() {
  cargo mutants --package "status-$1" --all-features --test-workspace true --baseline skip \
    --timeout 300 \
    --gitignore true --output "target/mutants-$1" "${@:2}" -- "${fast_tests[@]}" || true
  for outcome in caught missed timeout unviable; do
    printf '%s %s: %s\n' "$1" "$outcome" \
      "$(wc -l < "target/mutants-$1/mutants.out/$outcome.txt" 2> /dev/null || echo 0)"
  done
}

case "$crate" in
  derive | core) run "$crate" "$@" ;;
  all) run derive "$@"; run core "$@" ;;
  *) echo "usage: $0 [derive|core] [cargo-mutants options]" >&2; exit 2 ;;
esac
