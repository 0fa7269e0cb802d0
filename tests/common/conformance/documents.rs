//! The docs tools' rejections, against what each framework answered: every rejection an
//! operation can cause (of its JSON body, its path, its query) that a framework served is
//! documented by each tool the README names for it, under the status it was served with.
//!
//! An unknown route and a wrong method belong to no operation, so no operation documents them.

use serde_json::Value;
use status_core::RejectionKind;

use super::cases::Kind;
use super::check::Report;

/// A docs tool that documents the framework's rejections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    Aide,
    Utoipa,
    PoemOpenapi,
    SalvoOapi,
}

impl Tool {
    /// Its name, as the README and its feature have it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Aide => "aide",
            Self::Utoipa => "utoipa",
            Self::PoemOpenapi => "poem-openapi",
            Self::SalvoOapi => "salvo-oapi",
        }
    }
}

/// Whether a rejection of `code` is one an operation documents.
fn of_an_operation(code: &str) -> bool {
    RejectionKind::JSON_BODY
        .iter()
        .chain(&[RejectionKind::InvalidPath, RejectionKind::InvalidQuery])
        .any(|kind| kind.info().code() == code)
}

/// Each rejection of an operation that `report`'s framework answered is in the responses
/// `tool` documents, under the status it was answered with. Without `tool`'s feature, there
/// is no document to read.
pub fn assert_documented(report: &Report, tool: Tool) {
    let Some(responses) = documented(tool) else {
        return;
    };
    for (case, status, code) in report.problems() {
        if case.kind != Kind::Rejection || !of_an_operation(&code) {
            continue;
        }
        let named = format!("\"{code}\"");
        let found = responses.iter().any(|(documented, response)| {
            *documented == status && response.to_string().contains(&named)
        });
        assert!(
            found,
            "{}: {} answered {} with {status} {code}, which {} does not document",
            case.name,
            report.framework.name(),
            case.request.target,
            tool.name()
        );
    }
}

/// The responses `tool` documents for the operations of the apps (a JSON body, a path
/// parameter, a query), each as its status and its JSON; `None` without its feature.
pub fn documented(tool: Tool) -> Option<Vec<(u16, Value)>> {
    match tool {
        #[cfg(feature = "aide")]
        Tool::Aide => Some(aide()),
        #[cfg(feature = "utoipa")]
        Tool::Utoipa => Some(utoipa()),
        #[cfg(feature = "poem-openapi")]
        Tool::PoemOpenapi => Some(poem_openapi()),
        #[cfg(feature = "salvo-oapi")]
        Tool::SalvoOapi => Some(salvo_oapi()),
        // Without its feature, a tool writes nothing here.
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

/// Each response of each operation of an OpenAPI `document`, by status.
fn responses_of(document: &Value) -> Vec<(u16, Value)> {
    let paths = document["paths"].as_object().into_iter().flatten();
    paths
        .flat_map(|(_, path)| path.as_object().into_iter().flatten())
        .flat_map(|(_, operation)| by_status(&operation["responses"]))
        .collect()
}

/// Each response of a document's `responses` object, by status.
fn by_status(responses: &Value) -> Vec<(u16, Value)> {
    responses
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(status, response)| Some((status.parse().ok()?, response.clone())))
        .collect()
}

/// What `status_core::aide::rejections` adds to the operations of an `ApiRouter` that takes
/// what the axum app takes.
#[cfg(feature = "aide")]
fn aide() -> Vec<(u16, Value)> {
    use aide::axum::routing::{get, post};
    use aide::axum::ApiRouter;
    use axum::extract::{Path, Query};

    #[derive(serde::Deserialize, schemars::JsonSchema)]
    struct Id {
        id: u32,
    }

    // axum's `Json`, which aide documents as a JSON body; the rejections are the same.
    async fn order(axum::Json(order): axum::Json<super::Order>) -> String {
        super::ordered(&order)
    }
    async fn order_by_id(Path(Id { id }): Path<Id>) -> String {
        super::order_by_id(id)
    }
    async fn search(Query(search): Query<super::Search>) -> String {
        super::searched(&search)
    }

    let mut api = aide::openapi::OpenApi::default();
    let _app: axum::Router = ApiRouter::new()
        .api_route("/orders", post(order))
        .api_route("/orders/{id}", get(order_by_id))
        .api_route("/search", get(search))
        .finish_api_with(&mut api, status_core::aide::rejections);
    responses_of(&serde_json::to_value(&api).unwrap())
}

/// The rejection sets an operation names in `#[utoipa::path(responses(...))]`.
#[cfg(feature = "utoipa")]
fn utoipa() -> Vec<(u16, Value)> {
    use status_core::utoipa::{JsonBodyRejections, Merged, PathRejections, QueryRejections};
    use utoipa::IntoResponses;

    let responses = Merged::<(JsonBodyRejections, PathRejections, QueryRejections)>::responses();
    by_status(&serde_json::to_value(responses).unwrap())
}

/// What `status_core::poem_openapi::with_rejections` adds to the document of an API that
/// takes what the poem app takes.
#[cfg(feature = "poem-openapi")]
fn poem_openapi() -> Vec<(u16, Value)> {
    use poem_openapi::param::{Path, Query};
    use poem_openapi::payload::{Json, PlainText};
    use poem_openapi::{OpenApi, OpenApiService};

    struct Shop;

    #[OpenApi]
    #[allow(clippy::unused_async)] // poem-openapi's operations are async
    impl Shop {
        #[oai(path = "/orders", method = "post")]
        async fn order(&self, order: Json<super::Order>) -> PlainText<String> {
            PlainText(super::ordered(&order))
        }

        #[oai(path = "/orders/:id", method = "get")]
        async fn order_by_id(&self, id: Path<u32>) -> PlainText<String> {
            PlainText(super::order_by_id(id.0))
        }

        #[oai(path = "/search", method = "get")]
        async fn search(&self, limit: Query<u32>) -> PlainText<String> {
            PlainText(super::searched(&super::Search { limit: limit.0 }))
        }
    }

    let spec = OpenApiService::new(Shop, "Shop", "1.0").spec();
    let document: Value =
        serde_json::from_str(&status_core::poem_openapi::with_rejections(&spec)).unwrap();
    responses_of(&document)
}

/// What `status_core::salvo_oapi::with_rejections` adds to the document of a router that
/// takes what the salvo app takes.
#[cfg(feature = "salvo-oapi")]
fn salvo_oapi() -> Vec<(u16, Value)> {
    use salvo::oapi::extract::{JsonBody, PathParam, QueryParam};
    use salvo::oapi::{endpoint, OpenApi};
    // The endpoints' expansion writes with it.
    use salvo::Router;
    use salvo::Writer as _;

    #[endpoint]
    async fn order(body: JsonBody<super::Order>) -> String {
        super::ordered(&body)
    }

    #[endpoint]
    async fn order_by_id(id: PathParam<u32>) -> String {
        super::order_by_id(*id)
    }

    #[endpoint]
    async fn search(limit: QueryParam<u32, true>) -> String {
        super::searched(&super::Search { limit: *limit })
    }

    let router = Router::new()
        .push(Router::with_path("orders").post(order))
        .push(Router::with_path("orders/{id}").get(order_by_id))
        .push(Router::with_path("search").get(search));
    let document =
        status_core::salvo_oapi::with_rejections(OpenApi::new("Shop", "1.0").merge_router(&router));
    responses_of(&serde_json::to_value(&document).unwrap())
}
