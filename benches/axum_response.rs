//! A whole axum response: the derived `IntoResponse` against the hand-written
//! `(StatusCode, Json(...))` a user would return, in one run.
//!
//! `cargo bench --bench axum_response --features axum`; the ratio is in BENCHMARKS.md.

use std::hint::black_box;

use axum::response::IntoResponse;
use axum::Json;
use criterion::{criterion_group, criterion_main, Criterion};
use http::StatusCode;
use serde::Serialize;
use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, code = "user_not_found", message = "user {id} not found")]
    UserNotFound { id: u64 },
}

#[derive(Serialize)]
struct Body {
    title: &'static str,
    status: u16,
    detail: String,
    code: &'static str,
}

fn axum_response(c: &mut Criterion) {
    let mut group = c.benchmark_group("axum 404 response");
    group.bench_function("hand-written (StatusCode, Json)", |b| {
        b.iter(|| {
            let id = black_box(42_u64);
            let body = Body {
                title: "Not Found",
                status: 404,
                detail: format!("user {id} not found"),
                code: "user_not_found",
            };
            let mut response = (StatusCode::NOT_FOUND, Json(body)).into_response();
            response.headers_mut().insert(
                "content-type",
                http::HeaderValue::from_static("application/problem+json"),
            );
            response
        });
    });
    group.bench_function("derived", |b| {
        b.iter(|| ApiError::UserNotFound { id: black_box(42) }.into_response());
    });
    group.finish();
}

criterion_group!(benches, axum_response);
criterion_main!(benches);
