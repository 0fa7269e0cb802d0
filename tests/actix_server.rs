//! A real actix-web server on loopback, called by a real HTTP client.
#![cfg(feature = "actix-web")]

mod common;

use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpResponse, HttpServer, ResponseError};
use common::{error_named, send, ShopError};
use status_core::ApiStatus;

#[derive(serde::Deserialize)]
struct Order {
    quantity: u32,
}

async fn error(name: web::Path<String>) -> Result<HttpResponse, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

async fn order(order: web::Json<Order>) -> Result<HttpResponse, ShopError> {
    Ok(HttpResponse::Ok().body(format!("{} ordered", order.quantity)))
}

/// Serves the shop on 127.0.0.1, on a port the system picks, and returns its base URL.
fn serve() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(|| {
                App::new()
                    .wrap(status_core::actix::error_handlers())
                    .app_data(web::JsonConfig::default().limit(64))
                    .service(web::resource("/errors/{name}").route(web::get().to(error)))
                    .service(web::resource("/orders").route(web::post().to(order)))
                    .default_service(web::to(status_core::actix::not_found))
            })
            .workers(1)
            .listen(listener)
            .unwrap()
            .run()
            .await
            .unwrap();
        });
    });
    base
}

#[test]
fn actix_serves_every_error_with_status_headers_and_problem_body() {
    common::assert_every_error_is_served(&serve());
}

#[test]
fn actix_own_errors_use_the_same_envelope() {
    common::assert_framework_errors_are_problems(&serve());
}

/// Serves handlers that answer with bodies of their own, through both middlewares.
fn serve_own_bodies() -> String {
    async fn short() -> HttpResponse {
        HttpResponse::BadRequest().body("the list is full")
    }
    // A message under the detail limit, padded past it with whitespace that is trimmed.
    async fn padded() -> HttpResponse {
        HttpResponse::BadRequest().body(format!("{}{}", "a".repeat(1000), " ".repeat(200)))
    }
    // A problem too large for `problem_instance` to read: it passes as it is.
    async fn large_problem() -> HttpResponse {
        HttpResponse::Conflict()
            .content_type("application/problem+json")
            .body(format!(
                "{{\"status\":409,\"detail\":\"{}\"}}",
                "b".repeat(70_000)
            ))
    }

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            HttpServer::new(|| {
                App::new()
                    .wrap(status_core::actix::error_handlers())
                    .wrap(from_fn(status_core::actix::problem_instance))
                    .route("/short", web::get().to(short))
                    .route("/padded", web::get().to(padded))
                    .route("/large-problem", web::get().to(large_problem))
            })
            .workers(1)
            .listen(listener)
            .unwrap()
            .run()
            .await
            .unwrap();
        });
    });
    base
}

#[test]
fn actix_error_bodies_of_a_handler_become_the_detail_and_large_problems_pass() {
    let base = serve_own_bodies();
    let short = send("GET", &format!("{base}/short"), None).assert_problem(400);
    assert_eq!(short["detail"], "the list is full");
    assert_eq!(short["instance"], "/short");
    let padded = send("GET", &format!("{base}/padded"), None).assert_problem(400);
    assert_eq!(padded["detail"], "a".repeat(1000));

    let large = send("GET", &format!("{base}/large-problem"), None);
    assert_eq!(large.status, 409);
    assert_eq!(large.text.len(), 70_000 + 26);
    assert!(large.json().get("instance").is_none());
}

#[test]
fn actix_conversions_keep_the_status_headers_and_body_of_the_response() {
    let err = ShopError::Unauthorized;
    let expected = err.response();
    assert_eq!(status_core::actix::status_code(&err).as_u16(), 401);

    let response = status_core::actix::response(&err);
    assert_eq!(response.status().as_u16(), 401);
    for (name, value) in expected.headers() {
        assert_eq!(
            response.headers().get(name.as_str()).unwrap().as_bytes(),
            value.as_bytes()
        );
    }
    let body = actix_web::rt::System::new()
        .block_on(actix_web::body::to_bytes(response.into_body()))
        .unwrap();
    assert_eq!(body.as_ref(), expected.body().as_slice());

    let error = status_core::actix::ProblemError::new(&err);
    assert_eq!(error.status_code().as_u16(), 401);
    assert_eq!(error.to_string(), "401 Unauthorized (unauthorized)");
}
