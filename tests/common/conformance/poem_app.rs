//! The suite's app on poem: `status_core::poem::Json` for the body under its `JsonLimit`,
//! `Methods` for `Allow`, `ProblemDetails` for poem's own errors, `ProblemInstance` and
//! `Negotiation`.

use poem::web::{Path, Query};
use poem::{handler, EndpointExt, Route};
use status_core::negotiate::Negotiation;
use status_core::poem::{Json, JsonLimit, Methods, ProblemDetails, ProblemInstance};

use super::{Order, Search, BODY_LIMIT};
use crate::common::{error_named, ShopError};

#[handler]
fn error(Path(name): Path<String>) -> Result<String, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

#[handler]
fn order(Json(order): Json<Order>) -> String {
    super::ordered(&order)
}

#[handler]
fn order_by_id(Path(id): Path<u32>) -> String {
    super::order_by_id(id)
}

#[handler]
fn search(Query(search): Query<Search>) -> String {
    super::searched(&search)
}

/// Serves the app on loopback and returns its base URL.
pub fn serve() -> String {
    let app = Route::new()
        .at("/errors/:name", Methods::new().get(error))
        .at("/orders", Methods::new().post(order))
        .at("/orders/:id", Methods::new().get(order_by_id))
        .at("/search", Methods::new().get(search))
        .data(JsonLimit(BODY_LIMIT))
        .with(ProblemDetails)
        .with(ProblemInstance)
        .with(Negotiation::new());
    crate::serve_poem::serve(app)
}
