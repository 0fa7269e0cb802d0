//! warp's pointer-exact JSON filter, `status_core::warp::json`, on a real server.

use crate::common;
use crate::extractors_common::{accepted, assert_json_extractor_rejects_exactly, Order, LIMIT};
use status_core::Statuses;
use warp::Filter;

/// Serves `POST /orders` and `GET /health` on 127.0.0.1, on a port the system picks, each
/// rejection answered with `statuses`, and returns the base URL.
fn serve(statuses: Statuses) -> String {
    let orders = warp::path!("orders")
        .and(warp::post())
        .and(status_core::warp::json_with_limit(LIMIT))
        .map(|order: Order| accepted(&order));
    let health = warp::path!("health").and(warp::get()).map(|| "ok");
    let routes = orders
        .or(health)
        .recover(status_core::warp::recover_with(statuses));
    crate::serve_warp::on_loopback(move |listener| warp::serve(routes).incoming(listener).run())
}

#[test]
fn warp_json_rejects_with_exact_pointers_and_its_own_limit() {
    assert_json_extractor_rejects_exactly(&serve(Statuses::Uniform));
}

#[test]
fn warp_json_keeps_warp_s_statuses_where_asked() {
    let base = serve(Statuses::Framework);
    let seen = common::send(
        "POST",
        &format!("{base}/orders"),
        Some(r#"{"items":[{"qty":"x"}]}"#),
    );
    // warp answers a body that does not deserialize with 400; the code and the pointer stay.
    let problem = seen.assert_problem(400);
    assert_eq!(problem["code"], "json_data");
    assert_eq!(problem["errors"][0]["pointer"], "#/items/0/qty");
}
