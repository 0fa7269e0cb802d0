//! The four docs tools document a framework's own errors alike: one operation that takes a
//! path parameter, a query parameter and a JSON body documents, in aide, utoipa, poem-openapi
//! and salvo-oapi, the same rejection codes under the same statuses, and `json_data`'s
//! `errors` member with the `Violations` schema. Each document is the tool's own, built from
//! real handlers.

// Typed subsets: each operation documents its own errors, in the same four tools.
#[path = "subsets.rs"]
mod subsets;

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;
use status_core::statuses::{Poem, RejectionStatuses};
use status_core::{RejectionKind, PROBLEM_JSON};

/// Each status's rejection codes in `responses`, read from the schema's `oneOf` branches (the
/// one place all four tools write a code), and each branch's `errors` member schema.
fn rejection_codes(responses: &Value) -> BTreeMap<String, BTreeSet<String>> {
    let rejection_codes: BTreeSet<&str> = RejectionKind::ALL
        .iter()
        .map(|kind| kind.info().code())
        .collect();
    let mut found = BTreeMap::new();
    for (status, response) in responses.as_object().unwrap() {
        let branches = response["content"][PROBLEM_JSON]["schema"]["oneOf"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for branch in branches {
            let code = branch["properties"]["code"]["enum"][0].as_str().unwrap();
            if rejection_codes.contains(code) {
                found
                    .entry(status.clone())
                    .or_insert_with(BTreeSet::new)
                    .insert(code.to_owned());
            }
        }
    }
    found
}

/// The `errors` member schema of the `json_data` branch.
fn json_data_errors(responses: &Value, status: &str) -> Value {
    responses[status]["content"][PROBLEM_JSON]["schema"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|branch| branch["properties"]["code"]["enum"][0] == "json_data")
        .map_or_else(
            || panic!("no json_data at {status}: {responses:#}"),
            |branch| branch["properties"]["errors"].clone(),
        )
}

/// What every tool must document for the operation: the path's, the query's and the JSON
/// body's rejections, under the statuses `S` gives them.
fn expected<S: RejectionStatuses>() -> BTreeMap<String, BTreeSet<String>> {
    let mut kinds = RejectionKind::JSON_BODY.to_vec();
    kinds.extend([RejectionKind::InvalidPath, RejectionKind::InvalidQuery]);
    let mut expected = BTreeMap::new();
    for kind in kinds {
        expected
            .entry(S::status(kind).as_str().to_owned())
            .or_insert_with(BTreeSet::new)
            .insert(kind.info().code().to_owned());
    }
    expected
}

fn assert_violations_schema(errors: &Value, tool: &str) {
    assert_eq!(errors["type"], "array", "{tool}: {errors:#}");
    let mut required: Vec<&str> = errors["items"]["required"]
        .as_array()
        .unwrap_or_else(|| panic!("{tool}: {errors:#}"))
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    required.sort_unstable();
    assert_eq!(required, ["detail", "pointer"], "{tool}");
}

#[derive(
    serde::Deserialize,
    schemars::JsonSchema,
    utoipa::ToSchema,
    poem_openapi::Object,
    salvo::oapi::ToSchema,
)]
struct Order {
    quantity: u32,
}

#[derive(serde::Deserialize, schemars::JsonSchema, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // read by the extractors only
struct Page {
    limit: u32,
}

mod aide_tool {
    use aide::axum::routing::post;
    use aide::axum::ApiRouter;
    use aide::openapi::OpenApi;
    use axum::extract::{Path, Query};
    use axum::Json;
    use serde_json::Value;

    use super::{Order, Page};

    async fn place(Path(_): Path<u64>, Query(_): Query<Page>, Json(_): Json<Order>) -> String {
        String::new()
    }

    pub fn responses() -> Value {
        let mut api = OpenApi::default();
        let _router: axum::Router = ApiRouter::new()
            .api_route("/shops/{shop}/orders", post(place))
            .finish_api_with(&mut api, status_core::aide::rejections);
        serde_json::to_value(&api).unwrap()["paths"]["/shops/{shop}/orders"]["post"]["responses"]
            .clone()
    }
}

mod utoipa_tool {
    use serde_json::Value;
    use status_core::utoipa::{JsonBodyRejections, Merged, PathRejections, QueryRejections};
    use utoipa::IntoResponses;

    pub fn responses() -> Value {
        serde_json::to_value(Merged::<(
            JsonBodyRejections,
            PathRejections,
            QueryRejections,
        )>::responses())
        .unwrap()
    }
}

mod poem_tool {
    use poem_openapi::param::{Path, Query};
    use poem_openapi::payload::{Json, PlainText};
    use poem_openapi::{OpenApi, OpenApiService};
    use serde_json::Value;
    use status_core::statuses::RejectionStatuses;

    use super::Order;

    struct Shop;

    #[OpenApi]
    #[allow(clippy::unused_async)] // poem-openapi's operations are async
    impl Shop {
        #[oai(path = "/shops/:shop/orders", method = "post")]
        async fn place(
            &self,
            shop: Path<u64>,
            limit: Query<u32>,
            order: Json<Order>,
        ) -> PlainText<String> {
            PlainText(format!("{} {} {}", shop.0, limit.0, order.0.quantity))
        }
    }

    pub fn responses<S: RejectionStatuses>() -> Value {
        let spec = OpenApiService::new(Shop, "Shop", "1.0").spec();
        let spec = status_core::poem_openapi::with_rejections_in::<S>(&spec);
        let document: Value = serde_json::from_str(&spec).unwrap();
        document["paths"]["/shops/{shop}/orders"]["post"]["responses"].clone()
    }
}

mod salvo_tool {
    use salvo::oapi::extract::{JsonBody, PathParam, QueryParam};
    use salvo::oapi::{endpoint, OpenApi};
    // What the `#[endpoint]` expansion calls (`Writer`).
    use salvo::prelude::*;
    use serde_json::Value;

    use super::Order;

    #[endpoint]
    async fn place(shop: PathParam<u64>, limit: QueryParam<u32>, order: JsonBody<Order>) -> String {
        format!("{} {} {}", *shop, *limit, order.quantity)
    }

    pub fn responses() -> Value {
        let router = Router::with_path("shops/{shop}/orders").post(place);
        let document = status_core::salvo_oapi::with_rejections(
            OpenApi::new("Shop", "1.0").merge_router(&router),
        );
        serde_json::to_value(&document).unwrap()["paths"]["/shops/{shop}/orders"]["post"]
            ["responses"]
            .clone()
    }
}

#[test]
fn every_docs_tool_documents_the_same_rejections_with_the_same_statuses() {
    let expected = expected::<status_core::statuses::Uniform>();
    let documented = [
        ("aide", aide_tool::responses()),
        ("utoipa", utoipa_tool::responses()),
        (
            "poem-openapi",
            poem_tool::responses::<status_core::statuses::Uniform>(),
        ),
        ("salvo-oapi", salvo_tool::responses()),
    ];
    for (tool, responses) in &documented {
        assert_eq!(
            rejection_codes(responses),
            expected,
            "{tool}: {responses:#}"
        );
        assert_violations_schema(&json_data_errors(responses, "422"), tool);
    }
}

#[test]
fn poem_openapi_documents_poems_own_statuses_where_asked() {
    let responses = poem_tool::responses::<Poem>();
    assert_eq!(rejection_codes(&responses), expected::<Poem>());
    // poem says 400 for JSON of the wrong shape, where the table says 422.
    assert_violations_schema(&json_data_errors(&responses, "400"), "poem-openapi");
    assert!(responses.get("422").is_none(), "{responses:#}");
}
