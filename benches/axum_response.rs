//! A whole axum response: the derived `IntoResponse` against the hand-written
//! `(StatusCode, Json(...))` a user would return, and, for a body no field changes, against
//! a constant-prefix writer, in one run.
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
    #[status(503)]
    Maintenance,
}

#[derive(Serialize)]
struct Body {
    title: &'static str,
    status: u16,
    detail: String,
    code: &'static str,
}

fn axum_response(c: &mut Criterion) {
    // What is compared answers alike, in the optimized build the figures come from.
    let derived = ApiError::UserNotFound { id: 42 };
    let body = Body {
        title: "Not Found",
        status: 404,
        detail: "user 42 not found".to_owned(),
        code: "user_not_found",
    };
    assert_eq!(derived.body(), serde_json::to_vec(&body).unwrap());
    let response = derived.into_response();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );

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

    let mut group = c.benchmark_group("axum 503 response, no field in the body");
    let problem_json = || http::HeaderValue::from_static("application/problem+json");
    group.bench_function("hand-written (StatusCode, Json)", |b| {
        b.iter(|| {
            let body = Body {
                title: "Service Unavailable",
                status: 503,
                detail: black_box(MAINTENANCE).to_owned(),
                code: "maintenance",
            };
            let mut response = (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response();
            response
                .headers_mut()
                .insert("content-type", problem_json());
            response
        });
    });
    group.bench_function("constant-prefix writer", |b| {
        b.iter(|| {
            let prefix = b"{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":";
            let suffix = b",\"code\":\"maintenance\"}";
            let detail = black_box(MAINTENANCE);
            let mut body = Vec::with_capacity(prefix.len() + detail.len() + suffix.len() + 8);
            body.extend_from_slice(prefix);
            serde_json::to_writer(&mut body, detail).unwrap_or_default();
            body.extend_from_slice(suffix);
            let mut response = (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
            response
                .headers_mut()
                .insert("content-type", problem_json());
            response
        });
    });
    group.bench_function("derived (static body)", |b| {
        b.iter(|| black_box(ApiError::Maintenance).into_response());
    });
    group.finish();
}

/// The catalog's text for 503, which is the detail of `ApiError::Maintenance`.
const MAINTENANCE: &str = "The server is currently unable to handle the request due to temporary overload or scheduled maintenance.";

criterion_group!(benches, axum_response);
criterion_main!(benches);
