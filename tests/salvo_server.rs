//! A real salvo server on loopback, called by a real HTTP client.
#![cfg(feature = "salvo")]

#[allow(dead_code)] // a handler's own error bodies pass as they are in salvo: not checked
mod common;
#[path = "common/pages.rs"]
mod pages;
#[path = "common/serve_salvo.rs"]
mod serve_salvo;

use common::{error_named, negotiation, ShopError};
use salvo::catcher::Catcher;
use salvo::extract::{JsonBody, PathParam, QueryParam};
use salvo::http::request::SecureMaxSize;
use salvo::prelude::*;
use serve_salvo::serve;
use status_core::salvo::{ProblemDetails, ProblemInstance};

#[handler]
async fn error(req: &mut Request) -> Result<String, ShopError> {
    let name: String = req.param("name").unwrap_or_default();
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

#[derive(serde::Deserialize)]
struct Order {
    quantity: u32,
}

#[handler]
async fn order(body: JsonBody<Order>) -> Result<String, ShopError> {
    Ok(format!("{} ordered", body.quantity))
}

#[handler]
async fn order_by_id(id: PathParam<u64>) -> String {
    format!("order {}", *id)
}

#[handler]
async fn search(limit: QueryParam<u32, true>) -> String {
    format!("{} results", *limit)
}

/// What an authentication middleware answers a request without credentials: a bare 401.
#[handler]
async fn bare_unauthorized(res: &mut Response) {
    res.status_code(StatusCode::UNAUTHORIZED);
    res.headers_mut().insert(
        "www-authenticate",
        salvo::http::HeaderValue::from_static("Basic realm=\"shop\""),
    );
}

/// The shop: `/errors/{name}` and the extractors' routes, JSON bodies limited to 64 bytes.
fn shop() -> Router {
    Router::new()
        .push(Router::with_path("errors/{name}").get(error))
        .push(
            Router::with_path("orders")
                .hoop(SecureMaxSize::new(64))
                .post(order),
        )
        .push(Router::with_path("orders/{id}").get(order_by_id))
        .push(Router::with_path("search").get(search))
        .push(Router::with_path("bare-401").get(bare_unauthorized))
}

/// The shop, salvo's own errors answered by `ProblemDetails` in the catcher.
fn serve_shop() -> String {
    serve(Service::new(shop()).catcher(Catcher::default().hoop(ProblemDetails)))
}

/// A middleware of the service's own: it reads the record of what was served, as a team's
/// logging would, and shows it in a header for the test to see. On the service for the
/// responses the handlers wrote, in the catcher (around `ProblemDetails`) for salvo's own.
#[handler]
async fn show_record(
    req: &mut Request,
    depot: &mut Depot,
    res: &mut Response,
    ctrl: &mut FlowCtrl,
) {
    ctrl.call_next(req, depot, res).await;
    let described = status_core::salvo::served(res).map(negotiation::describe);
    if let Some(described) = described {
        res.headers_mut()
            .insert(negotiation::SERVED_HEADER, described.parse().unwrap());
    }
}

/// The shop with content negotiation and the record-reading middleware.
fn serve_negotiated() -> String {
    let service = Service::new(shop())
        .hoop(status_core::negotiate::Negotiation::new())
        .hoop(show_record)
        .catcher(Catcher::default().hoop(show_record).hoop(ProblemDetails));
    serve(service)
}

#[test]
fn salvo_sends_each_error_in_the_representation_the_client_asks_for() {
    negotiation::assert_negotiates(&serve_negotiated());
}

#[test]
fn salvo_middleware_reads_what_was_served() {
    negotiation::assert_middleware_reads_the_record(&serve_negotiated());
}

#[test]
fn salvo_answers_a_hostile_accept_with_json() {
    negotiation::assert_hostile_accept_gets_json(&serve_negotiated());
}

#[test]
fn salvo_keeps_its_own_statuses_where_asked() {
    use status_core::Statuses;

    let kept = serve(
        Service::new(shop())
            .hoop(Statuses::Framework)
            .catcher(Catcher::default().hoop(ProblemDetails)),
    );
    let native = serve(Service::new(shop()));
    common::assert_statuses_kept::<status_core::statuses::Salvo>(&kept, &native);
    // A middleware's bare 401 is not salvo's own: salvo answers it as it would without this
    // crate (its catcher's page).
    let bare = common::send("GET", &format!("{kept}/bare-401"), None);
    let salvo = common::send("GET", &format!("{native}/bare-401"), None);
    assert_eq!((bare.status, &bare.text), (401, &salvo.text));
    assert_eq!(bare.header("content-type"), salvo.header("content-type"));
    let enveloped = common::send("GET", &format!("{}/bare-401", serve_shop()), None);
    assert_eq!(enveloped.assert_problem(401)["code"], "unauthorized");
}

#[test]
fn salvo_sends_every_error_as_its_response() {
    common::assert_every_error_is_its_response(&serve_shop());
}

#[test]
fn salvo_serves_every_error_with_status_headers_and_problem_body() {
    common::assert_every_error_is_served(&serve_shop());
}

#[test]
fn salvo_own_errors_use_the_same_envelope() {
    common::assert_framework_errors_are_problems(&serve_shop());
}

#[test]
fn salvo_response_keeps_the_status_headers_and_body_of_the_response() {
    use status_core::ApiStatus;

    for name in common::ERROR_NAMES {
        let err = error_named(name).unwrap();
        let expected = err.response();
        let mut response = status_core::salvo::response(&err);
        assert_eq!(response.status_code, Some(expected.status()), "{name}");
        assert_eq!(response.headers(), expected.headers(), "{name}");
        let salvo::http::ResBody::Once(body) = response.take_body() else {
            panic!("{name}: a body held whole");
        };
        assert_eq!(body.as_ref(), expected.body().as_slice(), "{name}");
    }
}

#[test]
fn a_status_error_of_a_handler_keeps_its_status_and_brief() {
    #[handler]
    async fn teapot() -> Result<String, StatusError> {
        Err(StatusError::forbidden()
            .brief("not your order")
            .detail("order 7 belongs to user 9"))
    }

    let router = Router::with_path("teapot").get(teapot);
    let base = serve(Service::new(router).catcher(Catcher::default().hoop(ProblemDetails)));
    let seen = common::send("GET", &format!("{base}/teapot"), None);
    let body = seen.assert_problem(403);
    assert_eq!(body["code"], "forbidden");
    assert_eq!(body["detail"], "not your order");
    assert!(!seen.text.contains("user 9"), "{}", seen.text);
}

/// The two catalogs and `/errors/{name}`, with `ProblemInstance` or without.
fn serve_pages(instance: bool) -> String {
    #[handler]
    async fn error(req: &mut Request) -> pages::PlainError {
        pages::error_named(&req.param::<String>("name").unwrap_or_default())
    }

    let router = Router::new()
        .push(Router::with_path("errors/{name}").get(error))
        .push(status_core::salvo::problem_types::<pages::ShopError>())
        .push(status_core::salvo::problem_types::<pages::PlainError>());
    let mut service = Service::new(router);
    if instance {
        service = service.hoop(ProblemInstance);
    }
    serve(service.catcher(Catcher::default().hoop(ProblemDetails)))
}

#[test]
fn salvo_serves_the_catalog_and_a_page_per_problem_type() {
    pages::assert_pages_are_served(&serve_pages(false));
}

#[test]
fn salvo_adds_instance_only_with_the_hoop() {
    pages::assert_instance(&serve_pages(true), &serve_pages(false));
}

#[test]
fn salvo_answers_other_methods_on_the_pages_with_405() {
    let base = serve_pages(false);
    let seen = common::send("DELETE", &format!("{base}{}", pages::SHOP_BASE), None);
    common::assert_rejected(&seen, "method_not_allowed");
    assert!(seen
        .header("allow")
        .is_some_and(|allow| allow.contains("GET")));
}
