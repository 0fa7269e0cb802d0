//! salvo's pointer-exact JSON extractor, `status_core::salvo::Json`, on a real server, and,
//! with salvo-oapi, in the document of an `#[endpoint]`.

use crate::common;
use crate::extractors_common::{accepted, assert_json_extractor_rejects_exactly, Order, LIMIT};
use crate::serve_salvo::serve;
use salvo::catcher::Catcher;
use salvo::http::request::SecureMaxSize;
use salvo::prelude::*;
use status_core::salvo::{Json, ProblemDetails};
use status_core::Statuses;

#[handler]
async fn order(body: Json<Order>) -> String {
    // Through `Deref`, as with salvo's own `JsonBody`.
    accepted(&body)
}

#[handler]
async fn health() -> &'static str {
    "ok"
}

fn shop() -> Router {
    Router::new()
        .push(
            Router::with_path("orders")
                .hoop(SecureMaxSize::new(LIMIT))
                .post(order),
        )
        .push(Router::with_path("health").get(health))
}

#[test]
fn salvo_json_rejects_with_exact_pointers_under_salvo_s_limit() {
    let service = Service::new(shop()).catcher(Catcher::default().hoop(ProblemDetails));
    assert_json_extractor_rejects_exactly(&serve(service));
}

#[test]
fn salvo_json_keeps_salvo_s_statuses_where_asked() {
    let service = Service::new(shop())
        .hoop(Statuses::Framework)
        .catcher(Catcher::default().hoop(ProblemDetails));
    let base = serve(service);
    let seen = common::send(
        "POST",
        &format!("{base}/orders"),
        Some(r#"{"items":[{"qty":"x"}]}"#),
    );
    // salvo answers JSON of the wrong shape with 400; the code and the pointer stay.
    let problem = seen.assert_problem(400);
    assert_eq!(problem["code"], "json_data");
    assert_eq!(problem["errors"][0]["pointer"], "#/items/0/qty");
}

#[cfg(feature = "salvo-oapi")]
mod document {
    use salvo::oapi::{endpoint, OpenApi};
    use salvo::prelude::*;
    use serde_json::Value;
    use status_core::salvo::Json;

    use crate::common::ShopError;
    use crate::extractors_common::{accepted, Order};

    /// Takes an order.
    #[endpoint]
    async fn order(body: Json<Order>) -> Result<String, ShopError> {
        Ok(accepted(&body))
    }

    fn document() -> Value {
        let router = Router::with_path("orders").post(order);
        let json =
            serde_json::to_string(&OpenApi::new("shop", "1.0.0").merge_router(&router)).unwrap();
        crate::documented::assert_valid_openapi_3_1(&json)
    }

    #[test]
    fn salvo_oapi_documents_the_request_body_and_the_rejections() {
        let document = document();
        let operation = &document["paths"]["/orders"]["post"];
        let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
        let body_schema = match schema["$ref"].as_str() {
            Some(reference) => document.pointer(reference.trim_start_matches('#')).unwrap(),
            None => schema,
        };
        assert_eq!(
            body_schema["properties"]["items"]["type"], "array",
            "{body_schema:#}"
        );
        crate::extractors_common::assert_documents_json_body_rejections(&operation["responses"]);
    }
}
