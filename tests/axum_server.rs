//! A real axum server on loopback, called by a real HTTP client.
#![cfg(feature = "axum")]

mod common;
#[path = "common/serve_axum.rs"]
mod serve_axum;

use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::routing::{get, post};
use axum::{Json, Router};
use common::{error_named, negotiation, ShopError};

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

async fn order_by_id(Path(id): Path<u64>) -> String {
    format!("order {id}")
}

#[derive(serde::Deserialize)]
struct Search {
    limit: u32,
}

async fn search(Query(search): Query<Search>) -> String {
    format!("{} results", search.limit)
}

/// The shop's routes, with axum's own errors as problems.
fn shop() -> Router {
    Router::new()
        .route("/errors/{name}", get(error))
        .route("/orders", post(order))
        .route("/orders/{id}", get(order_by_id))
        .route("/search", get(search))
        .layer(DefaultBodyLimit::max(64))
        .fallback(status_core::axum::not_found)
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ))
}

/// Serves the shop on 127.0.0.1, on a port the system picks, and returns its base URL.
fn serve() -> String {
    serve_axum::serve(shop())
}

/// Middleware of the service's own: it reads the record of what was served, as a team's
/// logging or metrics would, and shows it in a header for the test to see.
async fn show_record(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut response = next.run(request).await;
    if let Some(served) = status_core::axum::served(&response) {
        let described = negotiation::describe(served);
        response
            .headers_mut()
            .insert(negotiation::SERVED_HEADER, described.parse().unwrap());
    }
    response
}

/// The shop with content negotiation, outermost, and the record-reading middleware inside it.
fn serve_negotiated() -> String {
    use axum::middleware::from_fn;
    use status_core::negotiate::Negotiation;

    let app = shop().layer(from_fn(show_record)).layer(Negotiation::new());
    serve_axum::serve(app)
}

#[test]
fn axum_sends_each_error_in_the_representation_the_client_asks_for() {
    negotiation::assert_negotiates(&serve_negotiated());
}

#[test]
fn axum_middleware_reads_what_was_served() {
    negotiation::assert_middleware_reads_the_record(&serve_negotiated());
}

#[test]
fn axum_answers_a_hostile_accept_with_json() {
    negotiation::assert_hostile_accept_gets_json(&serve_negotiated());
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

    let conflict = |size: usize| {
        (
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "application/problem+json")],
            common::problem_of(size),
        )
    };
    let app = Router::new()
        .route(
            "/short",
            get(|| async { (StatusCode::BAD_REQUEST, common::SHORT_MESSAGE) }),
        )
        .route(
            "/padded",
            get(|| async { (StatusCode::BAD_REQUEST, common::padded_message()) }),
        )
        .route(
            "/medium-problem",
            get(move || async move { conflict(common::MEDIUM_PROBLEM) }),
        )
        .route(
            "/large-problem",
            get(move || async move { conflict(common::LARGE_PROBLEM) }),
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
    common::assert_own_bodies_are_served(&serve_own_bodies());
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
