//! poem's pointer-exact JSON extractor, `status_core::poem::Json`, on a real server.

use crate::common::{raw, Body};
use crate::extractors_common::{accepted, assert_json_extractor_rejects_exactly, Order, LIMIT};
use crate::{common, serve_poem};
use poem::{get, handler, post, EndpointExt, Route};
use status_core::poem::{Json, JsonLimit, ProblemDetails};
use status_core::Statuses;

#[handler]
fn order(order: Json<Order>) -> String {
    accepted(&order.into_inner())
}

#[handler]
fn health() -> &'static str {
    "ok"
}

fn shop() -> Route {
    Route::new()
        .at("/orders", post(order))
        .at("/health", get(health))
}

#[test]
fn poem_json_rejects_with_exact_pointers_and_its_own_limit() {
    let app = shop().data(JsonLimit(LIMIT)).with(ProblemDetails);
    assert_json_extractor_rejects_exactly(&serve_poem::serve(app));
}

#[test]
fn poem_json_answers_problems_without_the_middleware_too() {
    let base = serve_poem::serve(shop().data(JsonLimit(LIMIT)));
    let seen = common::send(
        "POST",
        &format!("{base}/orders"),
        Some(r#"{"items":[{"qty":"x"}]}"#),
    );
    let problem = common::assert_rejected(&seen, "json_data");
    assert_eq!(problem["errors"][0]["pointer"], "#/items/0/qty");
}

#[test]
fn poem_json_keeps_poem_s_statuses_where_asked() {
    let app = shop()
        .data(JsonLimit(LIMIT))
        .with(ProblemDetails)
        .data(Statuses::Framework);
    let base = serve_poem::serve(app);
    let seen = common::send(
        "POST",
        &format!("{base}/orders"),
        Some(r#"{"items":[{"qty":"x"}]}"#),
    );
    // poem answers JSON of the wrong shape with 400; the code and the pointer stay.
    let problem = seen.assert_problem(400);
    assert_eq!(problem["code"], "json_data");
    assert_eq!(problem["errors"][0]["pointer"], "#/items/0/qty");
}

#[test]
fn poem_json_limit_defaults_to_two_mebibytes() {
    let base = serve_poem::serve(shop().with(ProblemDetails));
    let items = vec![r#"{"qty":1}"#; 300].join(",");
    let seen = common::send(
        "POST",
        &format!("{base}/orders"),
        Some(&format!(r#"{{"items":[{items}]}}"#)),
    );
    assert_eq!((seen.status, seen.text.as_str()), (200, "300 ordered"));
    let over = format!(r#"{{"items":[],"pad":"{}"}}"#, "x".repeat(2 * 1024 * 1024));
    let seen = raw(
        &format!("{base}/orders"),
        "POST",
        &[("content-type", "application/json")],
        Body::Sized(&over),
    );
    common::assert_rejected(&seen, "content_too_large");
}
