//! Instruction counts of `body()` against the constant-prefix writer and the serde struct,
//! repeatable where wall-clock times are not: `bash scripts/body-instructions.sh` runs this
//! under callgrind, once per writer, and prints the ratios. Run alone, it does nothing but the writing.

use std::collections::BTreeMap;
use std::hint::black_box;

use status_core::ApiStatus;

#[path = "shared/bodies.rs"]
mod bodies;
use bodies::{constant_prefix_writer, serde_struct_writer, ApiError};

fn main() {
    // `cargo bench` passes `--bench`; the writer is the first other argument.
    let Some(writer) = std::env::args().skip(1).find(|a| !a.starts_with("--")) else {
        return;
    };
    let detail = "user 4242 has no order named \"sale-2026\"";
    let limits = BTreeMap::from([("per_minute", 100), ("per_hour", 2000), ("burst", 20)]);
    let not_found = ApiError::NotFound(detail.to_owned());
    let limited = ApiError::RateLimited {
        limits: limits.clone(),
    };
    let mut written = 0;
    for _ in 0..100_000 {
        written += match writer.as_str() {
            "none" => 0,
            "derived-404" => black_box(&not_found).body().len(),
            "prefix-404" => constant_prefix_writer(black_box(detail), None).len(),
            "derived-429" => black_box(&limited).body().len(),
            "prefix-429" => {
                constant_prefix_writer("rate limit exceeded", Some(black_box(&limits))).len()
            }
            "serde-404" => serde_struct_writer(black_box(detail), None).len(),
            "serde-429" => {
                serde_struct_writer("rate limit exceeded", Some(black_box(&limits))).len()
            }
            other => panic!("no writer {other}"),
        };
    }
    println!("{written}");
}
