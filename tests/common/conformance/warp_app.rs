//! The suite's app on warp: `status_core::warp::json_with_limit` for the body, `recover` for
//! warp's rejections, `problem_instance` and `negotiate`.

use std::convert::Infallible;

use warp::{Filter, Reply};

use super::{Order, Search, BODY_LIMIT};
use crate::common::{error_named, ShopError};

fn error(name: &str) -> Result<String, ShopError> {
    Err(error_named(name).unwrap_or(ShopError::Forbidden))
}

/// The routes, every rejection recovered as Problem Details.
fn routes() -> impl Filter<Extract = (warp::reply::Response,), Error = Infallible> + Clone {
    let errors = warp::path!("errors" / String)
        .and(warp::get())
        .map(|name: String| error(&name))
        .map(Reply::into_response);
    let order = warp::path!("orders")
        .and(warp::post())
        .and(status_core::warp::json_with_limit(BODY_LIMIT))
        .map(|order: Order| super::ordered(&order).into_response());
    let order_by_id = warp::path!("orders" / u32)
        .and(warp::get())
        .map(|id: u32| super::order_by_id(id).into_response());
    let search = warp::path!("search")
        .and(warp::get())
        .and(warp::query::<Search>())
        .map(|search: Search| super::searched(&search).into_response());
    errors
        .or(order)
        .unify()
        .or(order_by_id)
        .unify()
        .or(search)
        .unify()
        .recover(status_core::warp::recover)
        .unify()
}

/// Serves the app on loopback and returns its base URL: the listener is bound first, and its
/// address is the one returned.
pub fn serve() -> String {
    let routes = routes()
        .with(warp::wrap_fn(status_core::warp::problem_instance))
        .with(warp::wrap_fn(status_core::warp::negotiate));
    crate::serve_warp::on_loopback(move |listener| warp::serve(routes).incoming(listener).run())
}
