//! A real warp server on loopback, called by a real HTTP client.
#![cfg(feature = "warp")]

// warp cannot meet `assert_framework_errors_are_problems` as a whole: see the tests below.
#[allow(dead_code)]
mod common;
#[path = "common/pages.rs"]
mod pages;
#[path = "common/serve_warp.rs"]
mod serve_warp;

use serve_warp::on_loopback;
use std::convert::Infallible;

use common::{assert_rejected, error_named, negotiation, send, ShopError};
use status_core::ApiStatus;
use warp::{Filter, Rejection, Reply};

/// Serves `routes`, which answer every request themselves, on loopback.
fn serve<F, R>(routes: F) -> String
where
    F: Filter<Extract = (R,), Error = Infallible> + Clone + Send + Sync + 'static,
    R: Reply,
{
    on_loopback(move |listener| warp::serve(routes).incoming(listener).run())
}

#[derive(serde::Deserialize)]
struct Order {
    quantity: u32,
}

#[derive(serde::Deserialize)]
struct Search {
    limit: u32,
}

/// The error as a reply, through `map`: `Result<String, ShopError>` is one.
fn replied(name: &str) -> Result<String, ShopError> {
    Err(error_named(name).unwrap_or(ShopError::Forbidden))
}

/// The error as a rejection, through `and_then`: `?` makes it one, `recover` answers it.
async fn rejected(name: String) -> Result<String, Rejection> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))?
}

/// How `/errors/{name}` answers.
#[derive(Clone, Copy)]
enum Answer {
    /// With the error as a reply.
    Reply,
    /// With the error as a rejection, which `recover` answers.
    Rejection,
    /// With `status_core::warp::response` of the error.
    Response,
}

/// The shop: `/errors/{name}` and the extractors' routes, JSON bodies limited to 64 bytes,
/// and `/bare-401`, what an authentication filter answers a request without credentials.
fn shop(answer: Answer) -> warp::filters::BoxedFilter<(warp::reply::Response,)> {
    let errors = warp::path!("errors" / String).and(warp::get());
    let errors = match answer {
        Answer::Reply => errors
            .map(|name: String| replied(&name))
            .map(Reply::into_response)
            .boxed(),
        Answer::Rejection => errors.and_then(rejected).map(Reply::into_response).boxed(),
        Answer::Response => errors
            .map(|name: String| status_core::warp::response(&error_named(&name).unwrap()))
            .boxed(),
    };
    let order = warp::path!("orders")
        .and(warp::post())
        .and(warp::body::content_length_limit(64))
        .and(warp::body::json())
        .map(|order: Order| format!("{} ordered", order.quantity).into_response());
    let order_by_id = warp::path!("orders" / u64)
        .and(warp::get())
        .map(|id: u64| format!("order {id}").into_response());
    let search = warp::path!("search")
        .and(warp::get())
        .and(warp::query::<Search>())
        .map(|search: Search| format!("{} results", search.limit).into_response());
    let bare = warp::path!("bare-401").and(warp::get()).map(|| {
        warp::reply::with_header(
            warp::http::StatusCode::UNAUTHORIZED,
            "www-authenticate",
            "Basic realm=\"shop\"",
        )
        .into_response()
    });
    errors
        .or(order)
        .unify()
        .or(order_by_id)
        .unify()
        .or(search)
        .unify()
        .or(bare)
        .unify()
        .boxed()
}

/// The shop, everything recovered by `recover`.
fn serve_shop(answer: Answer) -> String {
    serve(shop(answer).recover(status_core::warp::recover))
}

/// A filter of the service's own: it reads the record of what was served, as a team's logging
/// would, and shows it in a header for the test to see.
fn show_record<F, R>(
    filter: F,
) -> impl Filter<Extract = (warp::reply::Response,), Error = Infallible> + Clone + Send + Sync + 'static
where
    F: Filter<Extract = (R,), Error = Infallible> + Clone + Send + Sync + 'static,
    R: Reply + 'static,
{
    filter.map(|reply: R| {
        let mut response = reply.into_response();
        if let Some(served) = status_core::warp::served(&response) {
            let described = negotiation::describe(served);
            response
                .headers_mut()
                .insert(negotiation::SERVED_HEADER, described.parse().unwrap());
        }
        response
    })
}

/// The shop with content negotiation, outermost, and the record-reading filter inside it.
fn serve_negotiated() -> String {
    serve(
        shop(Answer::Reply)
            .recover(status_core::warp::recover)
            .with(warp::wrap_fn(show_record))
            .with(warp::wrap_fn(status_core::warp::negotiate)),
    )
}

/// Serves routes whose rejections warp answers itself, without this crate.
fn serve_native(routes: warp::filters::BoxedFilter<(warp::reply::Response,)>) -> String {
    on_loopback(move |listener| warp::serve(routes).incoming(listener).run())
}

#[test]
fn warp_sends_each_error_in_the_representation_the_client_asks_for() {
    negotiation::assert_negotiates(&serve_negotiated());
}

#[test]
fn warp_middleware_reads_what_was_served() {
    negotiation::assert_middleware_reads_the_record(&serve_negotiated());
}

#[test]
fn warp_answers_a_hostile_accept_with_json() {
    negotiation::assert_hostile_accept_gets_json(&serve_negotiated());
}

#[test]
fn warp_keeps_its_own_statuses_where_asked() {
    use status_core::Statuses;

    let kept =
        serve(shop(Answer::Reply).recover(status_core::warp::recover_with(Statuses::Framework)));
    let native = serve_native(shop(Answer::Reply));
    common::assert_statuses_kept::<status_core::statuses::Warp>(&kept, &native);
    // A filter's own 401 is a reply, not a rejection: it passes as it was.
    let bare = send("GET", &format!("{kept}/bare-401"), None);
    assert_eq!((bare.status, bare.text.as_str()), (401, ""));
}

#[test]
fn warp_sends_every_error_as_its_response() {
    common::assert_every_error_is_its_response(&serve_shop(Answer::Reply));
}

#[test]
fn warp_serves_every_error_with_status_headers_and_problem_body() {
    common::assert_every_error_is_served(&serve_shop(Answer::Reply));
}

#[test]
fn warp_response_is_the_response_over_the_wire() {
    common::assert_every_error_is_its_response(&serve_shop(Answer::Response));
}

#[test]
fn a_rejection_of_a_derived_type_is_recovered_as_its_response() {
    let base = serve_shop(Answer::Rejection);
    common::assert_every_error_is_its_response(&base);
    common::assert_every_error_is_served(&base);
}

#[test]
fn warp_own_routing_errors_use_the_same_envelope() {
    let base = serve_shop(Answer::Reply);
    assert_rejected(
        &send("GET", &format!("{base}/no/such/route"), None),
        "route_not_found",
    );
    // warp knows a method filter refused, not which methods the path has: no `Allow`.
    let seen = send("DELETE", &format!("{base}/errors/forbidden"), None);
    assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), None);
}

#[test]
fn warp_body_and_query_rejections_are_their_rejections() {
    let base = serve_shop(Answer::Reply);
    let orders = format!("{base}/orders");
    let body = assert_rejected(
        &send("POST", &orders, Some("{\"quantity\": ")),
        "invalid_json",
    );
    assert!(
        body["detail"].as_str().unwrap().contains("line 1"),
        "serde's position: {body}"
    );
    let body = assert_rejected(
        &send("POST", &orders, Some("{\"quantity\": \"x\"}")),
        "json_data",
    );
    assert!(
        body["detail"].as_str().unwrap().contains("invalid type"),
        "{body}"
    );
    // serde_json names no field without a path: the pointer is the whole body.
    assert_eq!(body["errors"][0]["pointer"], "#");
    assert_rejected(&send("POST", &orders, None), "missing_json_content_type");
    let big = format!("{{\"quantity\": 1, \"note\": \"{}\"}}", "x".repeat(200));
    assert_rejected(&send("POST", &orders, Some(&big)), "content_too_large");
    assert_rejected(
        &send("GET", &format!("{base}/search?limit=many"), None),
        "invalid_query",
    );

    let seen = send("POST", &orders, Some("{\"quantity\": 2}"));
    assert_eq!((seen.status, seen.text.as_str()), (200, "2 ordered"));
    assert_eq!(send("GET", &format!("{base}/orders/7"), None).status, 200);
    let seen = send("GET", &format!("{base}/search?limit=3"), None);
    assert_eq!((seen.status, seen.text.as_str()), (200, "3 results"));
}

#[test]
fn a_path_segment_that_does_not_parse_is_no_route_in_warp() {
    let base = serve_shop(Answer::Reply);
    // `path!("orders" / u64)` does not match `/orders/ada`: not an `invalid_path`.
    assert_rejected(
        &send("GET", &format!("{base}/orders/ada"), None),
        "route_not_found",
    );
}

#[test]
fn a_body_without_a_length_is_a_411_problem() {
    let base = serve_shop(Answer::Reply);
    let seen = common::post_without_length(&format!("{base}/orders"));
    assert_eq!(seen.assert_problem(411)["code"], "length_required");
}

/// A derived type that is not `Send`: it lacks `Reply`, which needs `Send`, yet builds, and
/// converts into a rejection, which holds its response and not it.
#[derive(Debug, ApiStatus)]
#[status(409, message = "{0} is taken")]
struct Taken(std::rc::Rc<str>);

#[test]
fn a_type_that_is_not_send_still_converts_into_a_rejection() {
    let rejection = Rejection::from(Taken("ada".into()));
    let response = status_core::warp::rejection_response(&rejection);
    assert_eq!(response.status(), 409);
}

/// The two catalogs and `/errors/{name}`, with `problem_instance` or without.
fn serve_pages(instance: bool) -> String {
    let errors = warp::path!("errors" / String)
        .and(warp::get())
        .map(|name: String| pages::error_named(&name));
    let routes = errors
        .or(status_core::warp::problem_types::<pages::ShopError>())
        .or(status_core::warp::problem_types::<pages::PlainError>())
        .recover(status_core::warp::recover);
    if instance {
        serve(routes.with(warp::wrap_fn(status_core::warp::problem_instance)))
    } else {
        serve(routes)
    }
}

#[test]
fn warp_serves_the_catalog_and_a_page_per_problem_type() {
    pages::assert_pages_are_served(&serve_pages(false));
}

#[test]
fn warp_adds_instance_only_with_the_wrapper() {
    pages::assert_instance(&serve_pages(true), &serve_pages(false));
}

#[test]
fn warp_answers_other_methods_on_the_pages_with_405_and_allow() {
    let base = serve_pages(false);
    let seen = send("DELETE", &format!("{base}{}", pages::SHOP_BASE), None);
    assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), Some("GET, HEAD"));
    // A path outside every base is no page's: the pages filter let it through.
    assert_rejected(
        &send("DELETE", &format!("{base}/elsewhere"), None),
        "route_not_found",
    );
}
