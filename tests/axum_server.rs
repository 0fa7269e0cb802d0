//! A real axum server on loopback, called by a real HTTP client.
#![cfg(feature = "axum")]

mod common;
#[path = "common/serve_axum.rs"]
mod serve_axum;

use axum::extract::{DefaultBodyLimit, Path};
use axum::routing::{get, post};
use axum::{Json, Router};
use common::{error_named, ShopError};

#[derive(serde::Deserialize)]
struct Order {
    quantity: u32,
}

async fn error(Path(name): Path<String>) -> Result<String, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

async fn order(Json(order): Json<Order>) -> Result<String, ShopError> {
    Ok(format!("{} ordered", order.quantity))
}

/// Serves the shop on 127.0.0.1, on a port the system picks, and returns its base URL.
fn serve() -> String {
    let app = Router::new()
        .route("/errors/{name}", get(error))
        .route("/orders", post(order))
        .layer(DefaultBodyLimit::max(64))
        .fallback(status_core::axum::not_found)
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ));
    serve_axum::serve(app)
}

#[test]
fn axum_serves_every_error_with_status_headers_and_problem_body() {
    common::assert_every_error_is_served(&serve());
}

#[test]
fn axum_own_errors_use_the_same_envelope() {
    common::assert_framework_errors_are_problems(&serve());
}

/// Serves handlers that answer with bodies of their own, through both middlewares.
fn serve_own_bodies() -> String {
    use axum::http::{header, StatusCode};

    // A message under the detail limit, padded past it with whitespace that is trimmed.
    let padded = format!("{}{}", "a".repeat(1000), " ".repeat(200));
    // Problems of 2 kB, which `problem_instance` reads, and of 70 kB, which pass as they are.
    let problem = |size: usize| format!("{{\"status\":409,\"detail\":\"{}\"}}", "b".repeat(size));
    let (medium, large) = (problem(2000), problem(70_000));
    let conflict = |body: String| {
        (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "application/problem+json")],
            body,
        )
    };
    let app = Router::new()
        .route(
            "/short",
            get(|| async { (StatusCode::BAD_REQUEST, "the list is full") }),
        )
        .route(
            "/padded",
            get(move || async move { (StatusCode::BAD_REQUEST, padded) }),
        )
        .route(
            "/medium-problem",
            get(move || async move { conflict(medium) }),
        )
        .route(
            "/large-problem",
            get(move || async move { conflict(large) }),
        )
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ))
        .layer(axum::middleware::from_fn(
            status_core::axum::problem_instance,
        ));
    serve_axum::serve(app)
}

#[test]
fn axum_error_bodies_of_a_handler_become_the_detail_and_large_problems_pass() {
    let base = serve_own_bodies();
    let short = common::send("GET", &format!("{base}/short"), None).assert_problem(400);
    assert_eq!(short["detail"], "the list is full");
    assert_eq!(short["instance"], "/short");
    let padded = common::send("GET", &format!("{base}/padded"), None).assert_problem(400);
    assert_eq!(padded["detail"], "a".repeat(1000));

    let medium = common::send("GET", &format!("{base}/medium-problem"), None);
    assert_eq!(medium.json()["instance"], "/medium-problem");
    let large = common::send("GET", &format!("{base}/large-problem"), None);
    assert_eq!(large.status, 409);
    assert_eq!(large.text.len(), 70_000 + 26);
    assert!(large.json().get("instance").is_none());
}

#[test]
fn axum_response_keeps_the_status_headers_and_body_of_the_response() {
    use status_core::ApiStatus;

    let err = ShopError::Unauthorized;
    let expected = err.response();
    let response = status_core::axum::response(&err);
    assert_eq!(response.status(), expected.status());
    assert_eq!(response.headers(), expected.headers());
    let body = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(axum::body::to_bytes(response.into_body(), usize::MAX))
        .unwrap();
    assert_eq!(body.as_ref(), expected.body().as_slice());
}
