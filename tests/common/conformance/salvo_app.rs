//! The suite's app on salvo: `status_core::salvo::Json` for the body under `SecureMaxSize`,
//! `ProblemDetails` in the catcher for salvo's own errors, `ProblemInstance` and
//! `Negotiation`.

use salvo::catcher::Catcher;
use salvo::extract::{PathParam, QueryParam};
use salvo::http::request::SecureMaxSize;
use salvo::prelude::*;
use status_core::negotiate::Negotiation;
use status_core::salvo::{Json, ProblemDetails, ProblemInstance};

use super::{Order, Search, BODY_LIMIT};
use crate::common::{error_named, ShopError};

#[handler]
async fn error(req: &mut Request) -> Result<String, ShopError> {
    let name: String = req.param("name").unwrap_or_default();
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

#[handler]
async fn order(body: Json<Order>) -> String {
    super::ordered(&body)
}

#[handler]
async fn order_by_id(id: PathParam<u32>) -> String {
    super::order_by_id(*id)
}

#[handler]
async fn search(limit: QueryParam<u32, true>) -> String {
    super::searched(&Search { limit: *limit })
}

/// Serves the app on loopback and returns its base URL.
pub fn serve() -> String {
    let router = Router::new()
        .push(Router::with_path("errors/{name}").get(error))
        .push(
            Router::with_path("orders")
                .hoop(SecureMaxSize::new(BODY_LIMIT))
                .post(order),
        )
        .push(Router::with_path("orders/{id}").get(order_by_id))
        .push(Router::with_path("search").get(search));
    let service = Service::new(router)
        .hoop(ProblemInstance)
        .hoop(Negotiation::new())
        .catcher(Catcher::default().hoop(ProblemDetails));
    crate::serve_salvo::serve(service)
}
