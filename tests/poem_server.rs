//! A real poem server on loopback, called by a real HTTP client.
#![cfg(feature = "poem")]

mod common;
#[path = "common/pages.rs"]
mod pages;
#[path = "common/serve_poem.rs"]
mod serve_poem;

use common::{error_named, negotiation, ShopError};
use poem::http::StatusCode;
use poem::middleware::SizeLimit;
use poem::web::{Json, Path, Query};
use poem::{get, handler, post, EndpointExt, IntoResponse, Response, Route};
use status_core::poem::{problem_types, Methods, ProblemDetails, ProblemInstance};

#[derive(serde::Deserialize)]
struct Order {
    quantity: u32,
}

#[handler]
fn error(Path(name): Path<String>) -> Result<String, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

#[handler]
fn order(Json(order): Json<Order>) -> String {
    format!("{} ordered", order.quantity)
}

#[handler]
fn order_by_id(Path(id): Path<u64>) -> String {
    format!("order {id}")
}

#[derive(serde::Deserialize)]
struct Search {
    limit: u32,
}

#[handler]
fn search(Query(search): Query<Search>) -> String {
    format!("{} results", search.limit)
}

/// What an authentication middleware answers a request without credentials: a bare 401.
#[handler]
fn bare_unauthorized() -> Response {
    Response::builder()
        .status(StatusCode::UNAUTHORIZED)
        .header("www-authenticate", "Basic realm=\"shop\"")
        .finish()
}

/// The shop's routes, as poem answers them by itself.
fn shop() -> Route {
    Route::new()
        // `Methods`, so that a wrong method is answered with `Allow`.
        .at("/errors/:name", Methods::new().get(error))
        .at("/orders", post(order.with(SizeLimit::new(64))))
        .at("/orders/:id", get(order_by_id))
        .at("/search", get(search))
        .at("/bare-401", get(bare_unauthorized))
}

/// Serves the shop on 127.0.0.1, on a port the system picks, and returns its base URL.
fn serve() -> String {
    serve_poem::serve(shop().with(ProblemDetails))
}

/// The shop with content negotiation, outermost, and a middleware of the service's own inside
/// it that shows the record of what was served, as a team's logging would read it.
fn serve_negotiated() -> String {
    let app = shop()
        .with(ProblemDetails)
        .around(|endpoint, request| async move {
            let mut response = match poem::Endpoint::call(&*endpoint, request).await {
                Ok(response) => response,
                Err(failure) => failure.into_response(),
            };
            if let Some(served) = status_core::poem::served(&response) {
                let described = negotiation::describe(served);
                response
                    .headers_mut()
                    .insert(negotiation::SERVED_HEADER, described.parse().unwrap());
            }
            Ok(response)
        })
        .with(status_core::negotiate::Negotiation::new());
    serve_poem::serve(app)
}

#[test]
fn poem_sends_each_error_in_the_representation_the_client_asks_for() {
    negotiation::assert_negotiates(&serve_negotiated());
}

#[test]
fn poem_middleware_reads_what_was_served() {
    negotiation::assert_middleware_reads_the_record(&serve_negotiated());
}

#[test]
fn poem_answers_a_hostile_accept_with_json() {
    negotiation::assert_hostile_accept_gets_json(&serve_negotiated());
}

#[test]
fn poem_keeps_its_own_statuses_where_asked() {
    use status_core::Statuses;

    let kept = serve_poem::serve(shop().with(ProblemDetails).data(Statuses::Framework));
    let native = serve_poem::serve(shop());
    common::assert_statuses_kept::<status_core::statuses::Poem>(&kept, &native);
    // A middleware's bare 401 is not poem's own: left as it was.
    let bare = common::send("GET", &format!("{kept}/bare-401"), None);
    assert_eq!((bare.status, bare.text.as_str()), (401, ""));
    assert_eq!(bare.header("content-type"), None);
    let enveloped = common::send("GET", &format!("{}/bare-401", serve()), None);
    assert_eq!(enveloped.assert_problem(401)["code"], "unauthorized");
}

#[test]
fn poem_serves_every_error_with_status_headers_and_problem_body() {
    common::assert_every_error_is_served(&serve());
}

#[test]
fn poem_serves_every_error_as_its_response_byte_for_byte() {
    common::assert_every_error_is_its_response(&serve());
}

#[test]
fn poem_own_errors_use_the_same_envelope() {
    common::assert_framework_errors_are_problems(&serve());
}

/// poem's own router names no methods in its `405`: through `ProblemDetails` it is still the
/// `method_not_allowed` problem, without `Allow` (which `Methods` adds).
#[test]
fn poem_route_method_answers_405_as_a_problem_without_allow() {
    let base = serve();
    let seen = common::send("DELETE", &format!("{base}/orders/7"), None);
    common::assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), None);
}

/// `SizeLimit` answers a request without `Content-Length` with `411`, which is no rejection:
/// a problem of its status.
#[test]
fn poem_size_limit_without_content_length_is_a_411_problem() {
    let seen = common::post_without_length(&format!("{}/orders", serve()));
    assert_eq!(seen.assert_problem(411)["code"], "length_required");
}

/// Serves handlers that answer with bodies of their own, through both middlewares.
fn serve_own_bodies() -> String {
    fn conflict(size: usize) -> Response {
        common::problem_of(size)
            .with_status(StatusCode::CONFLICT)
            .with_content_type("application/problem+json")
            .into_response()
    }

    #[handler]
    fn short() -> Response {
        common::SHORT_MESSAGE
            .with_status(StatusCode::BAD_REQUEST)
            .into_response()
    }

    #[handler]
    fn padded() -> Response {
        common::padded_message()
            .with_status(StatusCode::BAD_REQUEST)
            .into_response()
    }

    #[handler]
    fn medium() -> Response {
        conflict(common::MEDIUM_PROBLEM)
    }

    #[handler]
    fn large() -> Response {
        conflict(common::LARGE_PROBLEM)
    }

    let app = Route::new()
        .at("/short", get(short))
        .at("/padded", get(padded))
        .at("/medium-problem", get(medium))
        .at("/large-problem", get(large))
        .with(ProblemDetails)
        .with(ProblemInstance);
    serve_poem::serve(app)
}

#[test]
fn poem_error_bodies_of_a_handler_become_the_detail_and_large_problems_pass() {
    common::assert_own_bodies_are_served(&serve_own_bodies());
}

#[test]
fn poem_response_keeps_the_status_headers_and_body_of_the_response() {
    use status_core::ApiStatus;

    let err = ShopError::Unauthorized;
    let expected = err.response();
    let response = status_core::poem::response(&err);
    assert_eq!(response.status(), expected.status());
    assert_eq!(response.headers(), expected.headers());
    let body = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(response.into_body().into_vec())
        .unwrap();
    assert_eq!(body, expected.body().as_slice());
}

#[test]
fn poem_error_of_a_derived_type_is_its_problem_and_hides_the_source() {
    let converted = poem::Error::from(error_named("database").unwrap());
    assert_eq!(converted.status(), 500);
    assert_eq!(
        converted.to_string(),
        "500 Internal Server Error (internal_server_error)"
    );
    let response = converted.into_response();
    assert_eq!(response.content_type(), Some(status_core::PROBLEM_JSON));
}

/// The page app: the two catalogs and `/errors/{name}`, with `ProblemInstance` or without.
fn serve_pages(instance: bool) -> String {
    #[handler]
    fn error(Path(name): Path<String>) -> pages::PlainError {
        pages::error_named(&name)
    }

    let shop = problem_types::<pages::ShopError>();
    let plain = problem_types::<pages::PlainError>();
    let app = Route::new()
        .at("/errors/:name", get(error))
        .nest(shop.path(), shop)
        .nest(plain.path(), plain)
        .with(ProblemDetails);
    if instance {
        serve_poem::serve(app.with(ProblemInstance))
    } else {
        serve_poem::serve(app)
    }
}

#[test]
fn poem_serves_the_catalog_and_a_page_per_problem_type() {
    pages::assert_pages_are_served(&serve_pages(false));
}

#[test]
fn poem_adds_instance_only_with_the_middleware() {
    pages::assert_instance(&serve_pages(true), &serve_pages(false));
}

#[test]
fn poem_pages_answer_other_methods_with_405_and_allow() {
    let base = serve_pages(false);
    let seen = common::send("DELETE", &format!("{base}{}", pages::SHOP_BASE), None);
    common::assert_rejected(&seen, "method_not_allowed");
    assert_eq!(seen.header("allow"), Some("GET, HEAD"));
}
