//! The contract in either mode: an actix-web service answers its extractors' errors with the
//! rejection table's statuses, or, with `Statuses::Framework`, with actix-web's own; utoipa's
//! rejection sets document the same statuses in each mode (`JsonBodyRejections` and
//! `JsonBodyRejections<statuses::ActixWeb>`), so every refusal the server sends is documented.
#![cfg(all(feature = "actix-web", feature = "utoipa"))]

#[path = "common/serve_actix.rs"]
mod serve_actix;

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};
use serde_json::Value;
use serve_actix::Options;
use status_core::statuses::{ActixWeb, RejectionStatuses, Uniform};
use status_core::utoipa::{JsonBodyRejections, PathRejections, QueryRejections};
use status_core::Statuses;
use utoipa::IntoResponses;

#[derive(serde::Deserialize)]
struct Order {
    #[allow(dead_code)] // read by serde only
    quantity: u32,
}

async fn order(_: web::Json<Order>) -> HttpResponse {
    HttpResponse::Ok().finish()
}

async fn order_by_id(_: web::Path<u64>) -> HttpResponse {
    HttpResponse::Ok().finish()
}

#[derive(serde::Deserialize)]
struct Search {
    #[allow(dead_code)] // read by serde only
    limit: u32,
}

async fn search(_: web::Query<Search>) -> HttpResponse {
    HttpResponse::Ok().finish()
}

fn routes(app: &mut web::ServiceConfig) {
    app.configure(status_core::actix::rejections)
        .app_data(status_core::actix::json_config().limit(64))
        .service(web::resource("/orders").route(web::post().to(order)))
        .service(web::resource("/orders/{id}").route(web::get().to(order_by_id)))
        .service(web::resource("/search").route(web::get().to(search)));
}

/// Each refused request, with the responses its operation documents in statuses `S`.
fn operations<S: RejectionStatuses>(
) -> Vec<(&'static str, &'static str, Option<&'static str>, Value)> {
    let json = serde_json::to_value(JsonBodyRejections::<S>::responses()).unwrap();
    let path = serde_json::to_value(PathRejections::<S>::responses()).unwrap();
    let query = serde_json::to_value(QueryRejections::<S>::responses()).unwrap();
    vec![
        ("POST", "/orders", Some("{\"quantity\": "), json.clone()),
        (
            "POST",
            "/orders",
            Some("{\"quantity\": \"x\"}"),
            json.clone(),
        ),
        ("POST", "/orders", None, json.clone()),
        ("GET", "/orders/ada", None, path),
        ("GET", "/search?limit=many", None, query),
        (
            "POST",
            "/orders",
            Some("{\"quantity\": 1, \"note\": \"this body is longer than sixty-four bytes\"}"),
            json,
        ),
    ]
}

fn send(method: &str, url: &str, body: Option<&str>) -> (u16, Value) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let response = match (method, body) {
        ("POST", Some(body)) => agent
            .post(url)
            .header("content-type", "application/json")
            .send(body),
        ("POST", None) => agent
            .post(url)
            .header("content-type", "text/plain")
            .send("x"),
        _ => agent.get(url).call(),
    };
    let mut response = response.unwrap();
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap();
    (status, serde_json::from_str(&text).unwrap())
}

/// Every refusal of a server in `statuses` is a status and code its operation documents in `S`.
fn assert_documented<S: RejectionStatuses>(statuses: Statuses) {
    let base = serve_actix::serve_with(
        Options {
            statuses,
            ..Options::default()
        },
        routes,
    );
    let mut seen = BTreeMap::new();
    for (method, path, body, documented) in operations::<S>() {
        let (status, problem) = send(method, &format!("{base}{path}"), body);
        let code = problem["code"].as_str().unwrap();
        let examples =
            &documented[status.to_string()]["content"]["application/problem+json"]["examples"];
        assert!(
            examples.get(code).is_some(),
            "{method} {path}: {status} {code} is not documented: {documented}"
        );
        seen.insert(code.to_owned(), status);
    }
    // The two modes differ where actix-web's statuses differ from the table's.
    assert_eq!(seen.len(), 6, "{seen:?}");
}

#[test]
fn the_table_s_statuses_are_served_and_documented() {
    assert_documented::<Uniform>(Statuses::Uniform);
}

#[test]
fn actix_web_s_own_statuses_are_served_and_documented() {
    assert_documented::<ActixWeb>(Statuses::Framework);
    // And they are other statuses: JSON of the wrong shape is a 400 there.
    let responses = serde_json::to_value(JsonBodyRejections::<ActixWeb>::responses()).unwrap();
    let bad_request = &responses["400"]["content"]["application/problem+json"]["examples"];
    assert!(bad_request.get("json_data").is_some(), "{responses}");
    assert!(responses.get("422").is_none(), "{responses}");
}
