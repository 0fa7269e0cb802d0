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
