//! The suite's app on actix-web: `status_core::actix::Json` for the body, `rejections` for
//! the extractors' errors, `error_handlers` for actix-web's own, `not_found` for unknown
//! routes, `problem_instance` and `negotiate`.

use actix_web::{web, HttpResponse};
use status_core::actix::Json;

use super::{Order, Search, BODY_LIMIT};
use crate::common::{error_named, ShopError};
use crate::serve_actix::{serve_with, Options};

async fn error(name: web::Path<String>) -> Result<HttpResponse, ShopError> {
    Err(error_named(&name).unwrap_or(ShopError::Forbidden))
}

async fn order(Json(order): Json<Order>) -> HttpResponse {
    HttpResponse::Ok().body(super::ordered(&order))
}

async fn order_by_id(id: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body(super::order_by_id(*id))
}

async fn search(search: web::Query<Search>) -> HttpResponse {
    HttpResponse::Ok().body(super::searched(&search))
}

/// The routes, each a `web::resource`, so that a wrong method is answered with `Allow`.
fn routes(app: &mut web::ServiceConfig) {
    app.configure(status_core::actix::rejections)
        .app_data(status_core::actix::json_config().limit(BODY_LIMIT))
        .service(web::resource("/errors/{name}").route(web::get().to(error)))
        .service(web::resource("/orders").route(web::post().to(order)))
        .service(web::resource("/orders/{id}").route(web::get().to(order_by_id)))
        .service(web::resource("/search").route(web::get().to(search)));
}

/// Serves the app on loopback and returns its base URL.
pub fn serve() -> String {
    let options = Options {
        instance: true,
        negotiate: true,
        ..Options::default()
    };
    serve_with(options, routes)
}
