//! A real salvo server on loopback, called by a real HTTP client.
#![cfg(feature = "salvo")]

#[allow(dead_code)] // a handler's own error bodies pass as they are in salvo: not checked
mod common;
#[path = "common/pages.rs"]
mod pages;
#[path = "common/serve_salvo.rs"]
mod serve_salvo;

use common::{error_named, ShopError};
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

/// The shop: `/errors/{name}` and the extractors' routes, JSON bodies limited to 64 bytes,
/// salvo's own errors answered by `ProblemDetails` in the catcher.
fn serve_shop() -> String {
    let router = Router::new()
        .push(Router::with_path("errors/{name}").get(error))
        .push(
            Router::with_path("orders")
                .hoop(SecureMaxSize::new(64))
                .post(order),
        )
        .push(Router::with_path("orders/{id}").get(order_by_id))
        .push(Router::with_path("search").get(search));
    serve(Service::new(router).catcher(Catcher::default().hoop(ProblemDetails)))
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
