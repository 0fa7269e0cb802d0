//! Derived code against what a user would write by hand, on the same data, in one run.
//!
//! `cargo bench --bench responses`; the ratios are in BENCHMARKS.md.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use http::StatusCode;
use status_core::ApiStatus;

#[path = "shared/bodies.rs"]
mod bodies;
use bodies::{constant_prefix_writer, serde_struct_writer, ApiError};

/// A 50-variant enum, derived, and the same enum with a hand-written `status()`.
macro_rules! fifty_variants {
    ($($name:ident = $code:literal),* $(,)?) => {
        #[derive(Debug, Clone, Copy, ApiStatus)]
        enum Derived { $( #[status($code)] $name, )* }

        #[derive(Clone, Copy)]
        enum HandWritten { $( $name, )* }

        impl HandWritten {
            fn status(self) -> StatusCode {
                match self { $( Self::$name => const { code($code) }, )* }
            }
        }

        const DERIVED: [Derived; 50] = [$( Derived::$name, )*];
        const HAND_WRITTEN: [HandWritten; 50] = [$( HandWritten::$name, )*];
    };
}

const fn code(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => panic!("not a status"),
    }
}

fifty_variants! {
    V00 = 400, V01 = 403, V02 = 404, V03 = 429, V04 = 500, V05 = 502, V06 = 503, V07 = 400, V08 = 403, V09 = 404,
    V10 = 429, V11 = 500, V12 = 502, V13 = 503, V14 = 400, V15 = 403, V16 = 404, V17 = 429, V18 = 500, V19 = 502,
    V20 = 503, V21 = 400, V22 = 403, V23 = 404, V24 = 429, V25 = 500, V26 = 502, V27 = 503, V28 = 400, V29 = 403,
    V30 = 404, V31 = 429, V32 = 500, V33 = 502, V34 = 503, V35 = 400, V36 = 403, V37 = 404, V38 = 429, V39 = 500,
    V40 = 502, V41 = 503, V42 = 400, V43 = 403, V44 = 404, V45 = 429, V46 = 500, V47 = 502, V48 = 503, V49 = 404,
}

fn status(c: &mut Criterion) {
    // The same statuses, checked in the optimized build the figures come from.
    for (derived, hand_written) in DERIVED.iter().zip(HAND_WRITTEN) {
        assert_eq!(derived.status(), hand_written.status());
    }
    let mut group = c.benchmark_group("status of a 50-variant enum");
    group.bench_function("hand-written match", |b| {
        b.iter(|| {
            black_box(HAND_WRITTEN)
                .iter()
                .map(|v| u32::from(v.status().as_u16()))
                .sum::<u32>()
        });
    });
    group.bench_function("derived", |b| {
        b.iter(|| {
            black_box(DERIVED)
                .iter()
                .map(|v| u32::from(v.status().as_u16()))
                .sum::<u32>()
        });
    });
    group.finish();
}

fn bodies(c: &mut Criterion) {
    let detail = "user 4242 has no order named \"sale-2026\"";
    assert_eq!(detail.len(), 40);
    let not_found = ApiError::NotFound(detail.to_owned());
    // Every writer compared writes the same bytes, in the optimized build.
    assert_eq!(not_found.body(), constant_prefix_writer(detail, None));
    assert_eq!(not_found.body(), serde_struct_writer(detail, None));
    let mut group = c.benchmark_group("404 body, 40-character detail");
    group.bench_function("serde struct", |b| {
        b.iter(|| serde_struct_writer(black_box(detail), None));
    });
    group.bench_function("json! macro", |b| {
        b.iter(|| {
            let body = serde_json::json!({"title": "Not Found", "status": 404, "detail": black_box(detail), "code": "not_found"});
            serde_json::to_vec(&body).unwrap()
        });
    });
    group.bench_function("constant-prefix writer", |b| {
        b.iter(|| constant_prefix_writer(black_box(detail), None));
    });
    group.bench_function("derived", |b| b.iter(|| black_box(&not_found).body()));
    group.finish();

    let limits = BTreeMap::from([("per_minute", 100), ("per_hour", 2000), ("burst", 20)]);
    let limited = ApiError::RateLimited {
        limits: limits.clone(),
    };
    let detail = "rate limit exceeded";
    assert_eq!(
        limited.body(),
        constant_prefix_writer(detail, Some(&limits))
    );
    assert_eq!(limited.body(), serde_struct_writer(detail, Some(&limits)));
    let mut group = c.benchmark_group("429 body with an extension map");
    group.bench_function("serde struct", |b| {
        b.iter(|| serde_struct_writer(detail, Some(black_box(&limits))));
    });
    group.bench_function("json! macro", |b| {
        b.iter(|| {
            let body = serde_json::json!({"title": "Too Many Requests", "status": 429, "detail": detail, "code": "rate_limited", "limits": black_box(&limits)});
            serde_json::to_vec(&body).unwrap()
        });
    });
    group.bench_function("constant-prefix writer", |b| {
        b.iter(|| constant_prefix_writer(detail, Some(black_box(&limits))));
    });
    group.bench_function("derived", |b| b.iter(|| black_box(&limited).body()));
    group.finish();
}

criterion_group!(benches, status, bodies);
criterion_main!(benches);
