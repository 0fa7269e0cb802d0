//! A real rocket server on loopback, called by a real HTTP client.
#![cfg(feature = "rocket")]

// rocket cannot meet `assert_framework_errors_are_problems` as a whole (see the 422 test).
#[allow(dead_code)]
mod common;
#[path = "common/pages.rs"]
mod pages;
#[path = "common/serve_rocket.rs"]
mod serve_rocket;

use serve_rocket::serve;
use std::fmt;
use std::net::Ipv4Addr;

use common::{assert_rejected, error_named, negotiation, send, ShopError};
use rocket::config::LogLevel;
use rocket::data::{Limits, ToByteUnit};
use rocket::fairing::AdHoc;
use rocket::http::Status;
use rocket::{Build, Rocket};
use status_core::{ApiStatus, Rejection, RejectionKind, Status as Documented};

/// Quiet, on a free port, with JSON bodies limited to 64 bytes.
fn config() -> rocket::Config {
    let mut config = rocket::Config::debug_default();
    config.address = Ipv4Addr::LOCALHOST.into();
    config.port = 0;
    config.workers = 2;
    config.log_level = LogLevel::Off;
    config.shutdown.ctrlc = false;
    config.limits = Limits::default().limit("json", 64.bytes());
    config
}

#[rocket::get("/errors/<name>")]
fn error(name: &str) -> Result<String, ShopError> {
    Err(error_named(name).unwrap_or(ShopError::Forbidden))
}

#[derive(serde::Deserialize)]
struct Order {
    quantity: u32,
}

/// Through this crate's guard, whose failures the catcher answers by kind.
#[rocket::post("/orders", data = "<order>")]
fn order(order: status_core::rocket::Json<Order>) -> String {
    let status_core::rocket::Json(order) = order;
    format!("{} ordered", order.quantity)
}

/// Through rocket's own guard, whose failures reach the catcher as a bare status.
#[rocket::post("/plain-orders", data = "<order>")]
fn plain_order(order: rocket::serde::json::Json<Order>) -> String {
    format!("{} ordered", order.into_inner().quantity)
}

#[rocket::get("/orders/<id>")]
fn order_by_id(id: u64) -> String {
    format!("order {id}")
}

#[rocket::get("/search?<limit>")]
fn search(limit: u32) -> String {
    format!("{limit} results")
}

/// A path segment the handler reads itself, answering one that does not parse with the
/// rejection axum and actix-web answer with.
#[rocket::get("/checked-orders/<id>")]
fn checked_order(id: Result<u64, &str>) -> Result<String, Rejection> {
    let id = id.map_err(|segment| {
        let detail = format!("cannot parse `{segment}` as an order number");
        Rejection::new(RejectionKind::InvalidPath, detail)
    })?;
    Ok(format!("order {id}"))
}

#[rocket::get("/missing")]
fn missing() -> Option<String> {
    None
}

#[rocket::get("/unavailable")]
fn unavailable() -> Status {
    Status::ServiceUnavailable
}

/// A derived type with a type parameter: the derive's `Responder` keeps its generics.
#[derive(Debug, ApiStatus)]
#[status(409, message = "{0} is taken")]
struct Taken<T: fmt::Display>(T);

#[rocket::get("/taken")]
fn taken() -> Result<String, Taken<&'static str>> {
    Err(Taken("ada"))
}

/// The shop, with the catchers.
fn shop() -> Rocket<Build> {
    shop_routes().register("/", status_core::rocket::catchers())
}

/// The shop's routes, as rocket answers them by itself.
fn shop_routes() -> Rocket<Build> {
    rocket::custom(config()).mount(
        "/",
        rocket::routes![
            error,
            order,
            plain_order,
            order_by_id,
            search,
            checked_order,
            missing,
            unavailable,
            taken
        ],
    )
}

/// A fairing of the service's own: it reads the record of what was served, as a team's logging
/// would, and shows it in a header for the test to see.
fn show_record() -> AdHoc {
    AdHoc::on_response("show the record", |request, response| {
        Box::pin(async move {
            if let Some(served) = status_core::rocket::served(request) {
                let described = negotiation::describe(served);
                response.set_raw_header(negotiation::SERVED_HEADER, described);
            }
        })
    })
}

/// The shop with the record-reading fairing and content negotiation.
fn serve_negotiated() -> String {
    serve(
        shop()
            .attach(show_record())
            .attach(status_core::negotiate::Negotiation::new()),
    )
}

#[test]
fn rocket_sends_each_error_in_the_representation_the_client_asks_for() {
    negotiation::assert_negotiates(&serve_negotiated());
}

#[test]
fn rocket_fairings_read_what_was_served() {
    negotiation::assert_middleware_reads_the_record(&serve_negotiated());
}

#[test]
fn rocket_answers_a_hostile_accept_with_json() {
    negotiation::assert_hostile_accept_gets_json(&serve_negotiated());
}

#[test]
fn rocket_keeps_its_own_statuses_where_asked() {
    use status_core::statuses::{RejectionStatuses, Rocket as RocketStatuses};
    use status_core::Statuses;

    let kept = serve(shop().manage(Statuses::Framework));
    let native = serve(shop_routes());
    // rocket answers a wrong method with 404: kept, as `route_not_found`, without `Allow`.
    let seen = send("DELETE", &format!("{kept}/errors/forbidden"), None);
    let rocket = send("DELETE", &format!("{native}/errors/forbidden"), None);
    assert_eq!(seen.status, rocket.status);
    assert_rejected(&seen, "route_not_found");
    assert_eq!(seen.header("allow"), None);
    // The `Json` guard's failures have the statuses rocket's table documents.
    for body in [Some("{\"quantity\": "), Some("{\"quantity\": \"x\"}"), None] {
        let seen = send("POST", &format!("{kept}/orders"), body);
        let code = seen.json()["code"].as_str().unwrap().to_owned();
        let kind = RejectionKind::ALL
            .into_iter()
            .find(|kind| kind.info().code() == code)
            .unwrap();
        assert_eq!(seen.status, RocketStatuses::status(kind).as_u16(), "{code}");
    }
}

#[test]
fn rocket_serves_every_error_with_status_headers_and_problem_body() {
    let base = serve(shop());
    common::assert_every_error_is_served(&base);
    common::assert_every_error_is_its_response(&base);
}

#[test]
fn rocket_own_routing_errors_use_the_same_envelope() {
    let base = serve(shop());
    assert_rejected(
        &send("GET", &format!("{base}/no/such/route"), None),
        "route_not_found",
    );
    // rocket answers a wrong method with 404; the catcher finds the route's other methods.
    let seen = send("DELETE", &format!("{base}/errors/forbidden"), None);
    assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), Some("GET, HEAD"));
    let seen = send("DELETE", &format!("{base}/orders"), None);
    assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), Some("POST"));
}

#[test]
fn the_json_guard_answers_each_failure_with_its_rejection() {
    let base = serve(shop());
    let orders = format!("{base}/orders");
    let body = common::assert_json_body_rejects(&orders);
    assert_eq!(body["errors"][0]["pointer"], "#/quantity");
    let body = assert_rejected(&send("POST", &orders, Some("{}")), "json_data");
    assert_eq!(body["errors"][0]["pointer"], "#/quantity");

    let seen = send("POST", &orders, Some("{\"quantity\": 2}"));
    assert_eq!(seen.status, 200, "{}", seen.text);
    assert_eq!(seen.text, "2 ordered");
}

#[test]
fn rocket_s_own_json_guard_reaches_the_catcher_as_a_status() {
    let base = serve(shop());
    let orders = format!("{base}/plain-orders");
    // rocket's catchers see the status alone: a syntax error is a plain 400...
    let body = send("POST", &orders, Some("{\"quantity\": ")).assert_problem(400);
    assert_eq!(body["code"], "bad_request");
    assert_eq!(body["detail"], Documented::BadRequest.description());
    // ...JSON of the wrong shape a plain 422...
    let body = send("POST", &orders, Some("{\"quantity\": \"x\"}")).assert_problem(422);
    assert_eq!(body["code"], "unprocessable_content");
    // ...and only a body over the limit is known for what it is.
    let big = format!("{{\"quantity\": 1, \"note\": \"{}\"}}", "x".repeat(200));
    assert_rejected(&send("POST", &orders, Some(&big)), "content_too_large");
    assert_eq!(
        send("POST", &orders, Some("{\"quantity\": 2}")).text,
        "2 ordered"
    );
}

#[test]
fn a_segment_or_query_that_does_not_parse_is_rocket_s_422() {
    let base = serve(shop());
    // rocket forwards a parameter that does not parse, with 422, to no other route.
    for path in ["/orders/ada", "/search?limit=many"] {
        let body = send("GET", &format!("{base}{path}"), None).assert_problem(422);
        assert_eq!(body["code"], "unprocessable_content", "{path}");
    }
    assert_eq!(
        send("GET", &format!("{base}/orders/7"), None).text,
        "order 7"
    );
    assert_eq!(
        send("GET", &format!("{base}/search?limit=3"), None).text,
        "3 results"
    );
    // A handler that reads the segment itself answers with the rejection.
    assert_rejected(
        &send("GET", &format!("{base}/checked-orders/ada"), None),
        "invalid_path",
    );
    assert_eq!(
        send("GET", &format!("{base}/checked-orders/7"), None).text,
        "order 7"
    );
}

#[test]
fn a_handler_s_bare_status_becomes_a_problem_of_that_status() {
    let base = serve(shop());
    // A 404 of a route that matched is the handler's, not an unknown route.
    let body = send("GET", &format!("{base}/missing"), None).assert_problem(404);
    assert_eq!(body["code"], "not_found");
    let body = send("GET", &format!("{base}/unavailable"), None).assert_problem(503);
    assert_eq!(body["code"], "service_unavailable");
    assert_eq!(body["detail"], Documented::ServiceUnavailable.description());
}

#[test]
fn a_generic_derived_type_is_a_responder() {
    let base = serve(shop());
    let body = send("GET", &format!("{base}/taken"), None).assert_problem(409);
    assert_eq!(body["detail"], "ada is taken");
}

/// The page tests' app: the two catalogs and `/errors/<name>`, with `ProblemInstance` or
/// without.
fn serve_pages(instance: bool) -> String {
    #[rocket::get("/errors/<name>")]
    fn error(name: &str) -> pages::PlainError {
        pages::error_named(name)
    }

    let mut app = rocket::custom(config())
        .mount("/", rocket::routes![error])
        .mount(
            "/",
            status_core::rocket::problem_types::<pages::ShopError>(),
        )
        .mount(
            "/",
            status_core::rocket::problem_types::<pages::PlainError>(),
        )
        .register("/", status_core::rocket::catchers());
    if instance {
        app = app.attach(status_core::rocket::ProblemInstance);
    }
    serve(app)
}

#[test]
fn rocket_serves_the_catalog_and_a_page_per_problem_type() {
    let base = serve_pages(false);
    pages::assert_pages_are_served(&base);
    // Another method finds no route: the catcher answers 405, naming the pages' methods.
    let seen = send("DELETE", &format!("{base}{}", pages::SHOP_BASE), None);
    assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), Some("GET, HEAD"));
}

#[test]
fn rocket_adds_instance_only_with_the_fairing() {
    pages::assert_instance(&serve_pages(true), &serve_pages(false));
}

#[test]
fn the_rocket_response_keeps_the_status_headers_and_body_of_the_response() {
    for name in common::ERROR_NAMES {
        let value = error_named(name).unwrap();
        let expected = value.response();
        let mut response = status_core::rocket::response(&value);
        assert_eq!(response.status().code, expected.status().as_u16(), "{name}");
        for (header, value) in expected.headers() {
            let seen: Vec<&str> = response.headers().get(header.as_str()).collect();
            assert_eq!(seen, [value.to_str().unwrap()], "{name}: {header}");
        }
        let body = rocket::execute(response.body_mut().to_bytes()).unwrap();
        assert_eq!(body, expected.body().as_slice(), "{name}");
    }
}
