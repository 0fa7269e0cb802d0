//! The suite's app on rocket: `status_core::rocket::Json` for the body, the `catchers` for
//! rocket's own errors, `ProblemInstance` and `Negotiation`.

use std::net::Ipv4Addr;

use rocket::config::LogLevel;
use rocket::data::{Limits, ToByteUnit};
use status_core::negotiate::Negotiation;
use status_core::rocket::Json;

use super::{Order, Search, BODY_LIMIT};
use crate::common::{error_named, ShopError};

#[rocket::get("/errors/<name>")]
fn error(name: &str) -> Result<String, ShopError> {
    Err(error_named(name).unwrap_or(ShopError::Forbidden))
}

#[rocket::post("/orders", data = "<order>")]
fn order(order: Json<Order>) -> String {
    let Json(order) = order;
    super::ordered(&order)
}

#[rocket::get("/orders/<id>")]
fn order_by_id(id: u32) -> String {
    super::order_by_id(id)
}

#[rocket::get("/search?<limit>")]
fn search(limit: u32) -> String {
    super::searched(&Search { limit })
}

/// Quiet, on a free loopback port, with JSON bodies limited to [`BODY_LIMIT`].
fn config() -> rocket::Config {
    let mut config = rocket::Config::debug_default();
    config.address = Ipv4Addr::LOCALHOST.into();
    config.port = 0;
    config.workers = 2;
    config.log_level = LogLevel::Off;
    config.shutdown.ctrlc = false;
    config.limits = Limits::default().limit("json", BODY_LIMIT.bytes());
    config
}

/// Serves the app on loopback and returns its base URL: rocket writes the port it bound into
/// its configuration before liftoff.
pub fn serve() -> String {
    let app = rocket::custom(config())
        .mount("/", rocket::routes![error, order, order_by_id, search])
        .register("/", status_core::rocket::catchers())
        .attach(status_core::rocket::ProblemInstance)
        .attach(Negotiation::new());
    crate::serve_rocket::serve(app)
}
