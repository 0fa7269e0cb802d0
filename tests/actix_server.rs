//! A real actix-web server on loopback, called by a real HTTP client.
#![cfg(feature = "actix-web")]

mod common;

use actix_web::{web, App, HttpResponse, HttpServer};
use common::{error_named, ShopError};

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
