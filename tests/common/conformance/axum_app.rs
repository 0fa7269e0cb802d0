//! The suite's app on axum: `status_core::axum::Json` for the body, `problem_details` for
//! axum's own errors, `not_found` for unknown routes, `problem_instance` and `Negotiation`.

use axum::extract::{DefaultBodyLimit, Path, Query};
use axum::middleware::{from_fn, map_response};
use axum::routing::{get, post};
use axum::Router;
use status_core::axum::Json;
use status_core::negotiate::Negotiation;

use super::{Order, Search, BODY_LIMIT};
use crate::common::{error_named, ShopError};

async fn error(Path(name): Path<String>) -> Result<String, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

async fn order(Json(order): Json<Order>) -> String {
    super::ordered(&order)
}

async fn order_by_id(Path(id): Path<u32>) -> String {
    super::order_by_id(id)
}

async fn search(Query(search): Query<Search>) -> String {
    super::searched(&search)
}

/// Serves the app on loopback and returns its base URL.
pub fn serve() -> String {
    let app = Router::new()
        .route("/errors/{name}", get(error))
        .route("/orders", post(order))
        .route("/orders/{id}", get(order_by_id))
        .route("/search", get(search))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .fallback(status_core::axum::not_found)
        .layer(map_response(status_core::axum::problem_details))
        .layer(from_fn(status_core::axum::problem_instance))
        .layer(Negotiation::new());
    crate::serve_axum::serve(app)
}
