//! A real actix-web server on loopback, called by a real HTTP client.
#![cfg(feature = "actix-web")]

mod common;
#[path = "common/serve_actix.rs"]
mod serve_actix;

use actix_web::{web, HttpResponse, ResponseError};
use common::{error_named, negotiation, ShopError};
use serve_actix::Options;
use status_core::ApiStatus;
use status_core::Statuses;

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

/// Declared with the method macro: a wrong method finds no resource (the frameworks guide says so).
#[actix_web::get("/by-macro")]
async fn by_macro() -> HttpResponse {
    HttpResponse::Ok().finish()
}

async fn order_by_id(id: web::Path<u64>) -> HttpResponse {
    HttpResponse::Ok().body(format!("order {id}"))
}

#[derive(serde::Deserialize)]
struct Search {
    limit: u32,
}

async fn search(query: web::Query<Search>) -> HttpResponse {
    HttpResponse::Ok().body(format!("{} results", query.limit))
}

/// What an authentication middleware answers a request without credentials: a bare 401.
async fn bare_unauthorized() -> HttpResponse {
    HttpResponse::Unauthorized()
        .insert_header(("www-authenticate", "Basic realm=\"shop\""))
        .finish()
}

/// The shop's routes, with the extractor configurations that answer with rejections.
fn shop(app: &mut web::ServiceConfig) {
    app.configure(status_core::actix::rejections)
        .app_data(status_core::actix::json_config().limit(64));
    routes(app);
}

/// The shop's routes as actix-web answers them by itself, with its own JSON configuration.
fn shop_native(app: &mut web::ServiceConfig) {
    app.app_data(web::JsonConfig::default().limit(64));
    routes(app);
}

fn routes(app: &mut web::ServiceConfig) {
    app.service(web::resource("/errors/{name}").route(web::get().to(error)))
        .service(web::resource("/bare-401").route(web::get().to(bare_unauthorized)))
        .service(web::resource("/orders").route(web::post().to(order)))
        .service(web::resource("/orders/{id}").route(web::get().to(order_by_id)))
        .service(web::resource("/search").route(web::get().to(search)))
        .service(by_macro);
}

/// Serves the shop on 127.0.0.1, on a port the system picks, and returns its base URL.
fn serve() -> String {
    serve_actix::serve(false, shop)
}

/// The shop with content negotiation, outermost, and the record-reading middleware inside it.
fn serve_negotiated() -> String {
    let options = Options {
        negotiate: true,
        record: Some(negotiation::describe),
        ..Options::default()
    };
    serve_actix::serve_with(options, shop)
}

#[test]
fn actix_sends_each_error_in_the_representation_the_client_asks_for() {
    negotiation::assert_negotiates(&serve_negotiated());
}

#[test]
fn actix_middleware_reads_what_was_served() {
    negotiation::assert_middleware_reads_the_record(&serve_negotiated());
}

#[test]
fn actix_answers_a_hostile_accept_with_json() {
    negotiation::assert_hostile_accept_gets_json(&serve_negotiated());
}

#[test]
fn actix_keeps_its_own_statuses_where_asked() {
    let kept = serve_actix::serve_with(
        Options {
            statuses: Statuses::Framework,
            ..Options::default()
        },
        shop,
    );
    let native = serve_actix::serve_with(
        Options {
            error_handlers: false,
            ..Options::default()
        },
        shop_native,
    );
    common::assert_statuses_kept::<status_core::statuses::ActixWeb>(&kept, &native);
    // A middleware's bare 401 is not actix-web's own: left as it was.
    let bare = common::send("GET", &format!("{kept}/bare-401"), None);
    assert_eq!((bare.status, bare.text.as_str()), (401, ""));
    assert_eq!(
        bare.header("www-authenticate"),
        Some("Basic realm=\"shop\"")
    );
    assert_eq!(bare.header("content-type"), None);
    // With the table's statuses, it gets the envelope.
    let enveloped = common::send("GET", &format!("{}/bare-401", serve()), None);
    assert_eq!(enveloped.assert_problem(401)["code"], "unauthorized");
}

#[test]
fn the_extractor_configurations_answer_with_rejections_without_the_error_handlers() {
    common::assert_extractors_reject(&serve_actix::serve_bare(shop));
}

#[test]
fn actix_serves_every_error_with_status_headers_and_problem_body() {
    common::assert_every_error_is_served(&serve());
}

#[test]
fn actix_own_errors_use_the_same_envelope() {
    common::assert_framework_errors_are_problems(&serve());
}

#[test]
fn a_route_of_the_method_macros_answers_a_wrong_method_with_404_not_405() {
    let base = serve();
    assert_eq!(
        common::send("GET", &format!("{base}/by-macro"), None).status,
        200
    );
    let seen = common::send("DELETE", &format!("{base}/by-macro"), None);
    assert_eq!(seen.assert_problem(404)["code"], "route_not_found");
    assert_eq!(seen.header("allow"), None);
}

/// Serves handlers that answer with bodies of their own, through both middlewares.
fn serve_own_bodies() -> String {
    async fn short() -> HttpResponse {
        HttpResponse::BadRequest().body(common::SHORT_MESSAGE)
    }
    async fn padded() -> HttpResponse {
        HttpResponse::BadRequest().body(common::padded_message())
    }
    fn conflict(size: usize) -> HttpResponse {
        HttpResponse::Conflict()
            .content_type("application/problem+json")
            .body(common::problem_of(size))
    }
    async fn medium_problem() -> HttpResponse {
        conflict(common::MEDIUM_PROBLEM)
    }
    async fn large_problem() -> HttpResponse {
        conflict(common::LARGE_PROBLEM)
    }

    serve_actix::serve(true, |app| {
        app.route("/short", web::get().to(short))
            .route("/padded", web::get().to(padded))
            .route("/medium-problem", web::get().to(medium_problem))
            .route("/large-problem", web::get().to(large_problem));
    })
}

#[test]
fn actix_error_bodies_of_a_handler_become_the_detail_and_large_problems_pass() {
    common::assert_own_bodies_are_served(&serve_own_bodies());
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
