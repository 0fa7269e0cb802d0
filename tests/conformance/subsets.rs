//! Typed subsets in the four docs tools: two operations of one service, a read that returns
//! `ReadError` and a write that returns `WriteError`, both subsets of one `ApiError`. Each
//! tool's own document lists, for each operation, exactly its subset's codes, plus its
//! rejections, and no status the subset cannot answer (the enum's 401, 409 and 429 for the
//! read). The catalog stays whole. And `openapi::Contract`, on a real server, fails a handler
//! whose document names another type than it returns, until the document lists its error.

use std::collections::BTreeSet;

use serde_json::Value;
use status_core::{ApiStatus, RejectionKind, PROBLEM_JSON};

#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(display)]
#[status(subset(ReadError = [NotFound, Database], derive(Debug, thiserror::Error)))]
#[status(subset(WriteError = [NotFound, Unauthorized, Conflict, Database], derive(Debug, thiserror::Error)))]
#[status(subset(LimitedReadError = [NotFound, RateLimited, Database], derive(Debug, thiserror::Error)))]
pub enum ApiError {
    #[error("item {id} not found")]
    #[status(404)]
    NotFound { id: u64 },
    #[error("sign in first")]
    #[status(401, www_authenticate = "Bearer")]
    Unauthorized,
    #[error("version {0} is not the current one")]
    #[status(409)]
    Conflict(#[status(extension = "current_version")] u32),
    #[error("slow down")]
    #[status(429)]
    RateLimited {
        #[status(retry_after)]
        seconds: u64,
    },
    #[error("database: {0}")]
    #[status(500)]
    Database(#[from] std::io::Error),
}

#[derive(
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
    utoipa::ToSchema,
    poem_openapi::Object,
    salvo::oapi::ToSchema,
)]
pub struct Item {
    id: u64,
}

/// Each status and code an operation's responses document, rejections left out, with the
/// statuses of everything documented beside.
fn own_codes(responses: &Value) -> (BTreeSet<(String, String)>, BTreeSet<String>) {
    let rejections: BTreeSet<&str> = RejectionKind::ALL
        .iter()
        .map(|kind| kind.info().code())
        .collect();
    let mut codes = BTreeSet::new();
    let mut statuses = BTreeSet::new();
    for (status, response) in responses.as_object().unwrap() {
        statuses.insert(status.clone());
        let Some(branches) = response["content"][PROBLEM_JSON]["schema"]["oneOf"].as_array() else {
            continue;
        };
        for branch in branches {
            let code = branch["properties"]["code"]["enum"][0].as_str().unwrap();
            if !rejections.contains(code) {
                codes.insert((status.clone(), code.to_owned()));
            }
        }
    }
    (codes, statuses)
}

fn codes_of<T: ApiStatus>() -> BTreeSet<(String, String)> {
    T::table()
        .responses()
        .iter()
        .map(|row| (row.status().as_str().to_owned(), row.code().to_owned()))
        .collect()
}

/// The read's document: its two codes, rejections of its path, and nothing of the enum's
/// 401, 409 or 429.
fn assert_read(tool: &str, responses: &Value) {
    let (codes, statuses) = own_codes(responses);
    assert_eq!(codes, codes_of::<ReadError>(), "{tool}: {responses:#}");
    for status in ["401", "409", "429"] {
        assert!(
            !statuses.contains(status),
            "{tool} documents {status}: {responses:#}"
        );
    }
    assert!(
        statuses.contains("400"),
        "{tool}: no invalid_path: {responses:#}"
    );
}

/// The write's document: its four codes, the 401's challenge, and no 429.
fn assert_write(tool: &str, responses: &Value) {
    let (codes, statuses) = own_codes(responses);
    assert_eq!(codes, codes_of::<WriteError>(), "{tool}: {responses:#}");
    assert!(!statuses.contains("429"), "{tool}: {responses:#}");
    assert!(
        responses["401"]["headers"]
            .get("WWW-Authenticate")
            .is_some(),
        "{tool}: {responses:#}"
    );
}

mod aide_tool {
    use aide::axum::routing::get;
    use aide::axum::ApiRouter;
    use aide::openapi::OpenApi;
    use axum::extract::Path;
    use axum::Json;
    use serde_json::Value;

    use super::{Item, ReadError, WriteError};

    async fn read(Path(id): Path<u64>) -> Result<Json<Item>, ReadError> {
        Err(ReadError::NotFound { id })
    }

    async fn write(Path(id): Path<u64>, Json(item): Json<Item>) -> Result<Json<Item>, WriteError> {
        if item.id == id {
            Ok(Json(item))
        } else {
            Err(WriteError::Conflict(0))
        }
    }

    pub fn document() -> Value {
        let mut api = OpenApi::default();
        let _router: axum::Router = ApiRouter::new()
            .api_route("/items/{id}", get(read).put(write))
            .finish_api_with(&mut api, status_core::aide::rejections);
        serde_json::to_value(&api).unwrap()["paths"]["/items/{id}"].clone()
    }
}

mod utoipa_tool {
    use serde_json::Value;
    use status_core::utoipa::{JsonBodyRejections, Merged, PathRejections};
    use utoipa::OpenApi;

    use super::{Item, ReadError, WriteError};

    #[utoipa::path(
        get,
        path = "/items/{id}",
        params(("id" = u64, Path)),
        responses((status = 200, body = Item), Merged<(ReadError, PathRejections)>)
    )]
    #[allow(dead_code)]
    pub(super) fn read() {}

    #[utoipa::path(
        put,
        path = "/items/{id}",
        params(("id" = u64, Path)),
        request_body = Item,
        responses(
            (status = 200, body = Item),
            Merged<(WriteError, PathRejections, JsonBodyRejections)>
        )
    )]
    #[allow(dead_code)]
    fn write() {}

    #[derive(OpenApi)]
    #[openapi(paths(read, write))]
    struct Doc;

    pub fn document() -> Value {
        serde_json::to_value(Doc::openapi()).unwrap()["paths"]["/items/{id}"].clone()
    }
}

mod poem_tool {
    use poem_openapi::param::Path;
    use poem_openapi::payload::Json;
    use poem_openapi::{OpenApi, OpenApiService};
    use serde_json::Value;

    use super::{Item, ReadError, WriteError};

    struct Items;

    #[OpenApi]
    #[allow(clippy::unused_async)] // poem-openapi's operations are async
    impl Items {
        #[oai(path = "/items/:id", method = "get")]
        async fn read(&self, id: Path<u64>) -> Result<Json<Item>, ReadError> {
            Err(ReadError::NotFound { id: id.0 })
        }

        #[oai(path = "/items/:id", method = "put")]
        async fn write(&self, id: Path<u64>, item: Json<Item>) -> Result<Json<Item>, WriteError> {
            if item.0.id == id.0 {
                Ok(item)
            } else {
                Err(WriteError::Conflict(0))
            }
        }
    }

    pub fn document() -> Value {
        let spec = OpenApiService::new(Items, "Items", "1.0").spec();
        let spec = status_core::poem_openapi::with_rejections(&spec);
        let document: Value = serde_json::from_str(&spec).unwrap();
        document["paths"]["/items/{id}"].clone()
    }
}

mod salvo_tool {
    use salvo::oapi::extract::{JsonBody, PathParam};
    use salvo::oapi::{endpoint, OpenApi};
    // What the `#[endpoint]` expansion calls (`Writer`).
    use salvo::prelude::*;
    use serde_json::Value;

    use super::{Item, ReadError, WriteError};

    #[endpoint]
    async fn read(id: PathParam<u64>) -> Result<Json<Item>, ReadError> {
        Err(ReadError::NotFound { id: *id })
    }

    #[endpoint]
    async fn write(id: PathParam<u64>, item: JsonBody<Item>) -> Result<Json<Item>, WriteError> {
        let item = item.into_inner();
        if item.id == *id {
            Ok(Json(item))
        } else {
            Err(WriteError::Conflict(0))
        }
    }

    pub fn document() -> Value {
        let router = Router::with_path("items/{id}").get(read).put(write);
        let document = status_core::salvo_oapi::with_rejections(
            OpenApi::new("Items", "1.0").merge_router(&router),
        );
        serde_json::to_value(&document).unwrap()["paths"]["/items/{id}"].clone()
    }
}

#[test]
fn each_operation_documents_its_subset_alone_in_every_docs_tool() {
    for (tool, path) in [
        ("aide", aide_tool::document()),
        ("utoipa", utoipa_tool::document()),
        ("poem-openapi", poem_tool::document()),
        ("salvo-oapi", salvo_tool::document()),
    ] {
        assert_read(tool, &path["get"]["responses"]);
        assert_write(tool, &path["put"]["responses"]);
    }
}

#[test]
fn the_catalog_stays_whole() {
    let codes: Vec<&str> = ApiError::table()
        .variants()
        .iter()
        .map(status_core::VariantInfo::code)
        .collect();
    assert_eq!(codes.len(), 5);
    assert!(ReadError::table().variants().len() == 2 && WriteError::table().variants().len() == 4);
    let catalog = status_core::markdown::catalog::<ApiError>();
    assert!(catalog.contains("rate_limited"), "{catalog}");
}

/// A handler that returns the whole enum, documented with utoipa by a subset that lacks one
/// of its errors: the drift a typed subset rules out, which `Contract` catches in a test.
mod drift {
    use axum::extract::Path;
    use axum::routing::get;
    use axum::{Json, Router};
    use status_core::utoipa::{Merged, PathRejections};
    use utoipa::OpenApi;

    use super::{ApiError, Item, LimitedReadError};

    async fn read(Path(id): Path<u64>) -> Result<Json<Item>, ApiError> {
        match id {
            0 => Err(ApiError::RateLimited { seconds: 30 }),
            1 => Ok(Json(Item { id })),
            _ => Err(ApiError::NotFound { id }),
        }
    }

    /// Without `problem_details`, axum's own 400 for `/items/seven` is plain text, which the
    /// contract fails as well (its 400 lists `invalid_path`).
    pub fn serve() -> String {
        crate::serve_axum::serve(Router::new().route("/items/{id}", get(read)).layer(
            axum::middleware::map_response(status_core::axum::problem_details),
        ))
    }

    #[utoipa::path(
        get,
        path = "/items/{id}",
        params(("id" = u64, Path)),
        responses((status = 200, body = Item), Merged<(LimitedReadError, PathRejections)>)
    )]
    #[allow(dead_code)]
    fn fixed() {}

    /// The read operation as `utoipa_tool` documents it: with `ReadError`, which has no 429.
    #[derive(OpenApi)]
    #[openapi(paths(super::utoipa_tool::read))]
    pub struct Drifted;

    #[derive(OpenApi)]
    #[openapi(paths(fixed))]
    pub struct Fixed;
}

#[test]
fn the_contract_fails_an_undocumented_error_until_the_operation_lists_it() {
    use status_core::openapi::Contract;
    use utoipa::OpenApi as _;

    let base = drift::serve();
    let drifted = Contract::new(&serde_json::to_value(drift::Drifted::openapi()).unwrap());
    let fixed = Contract::new(&serde_json::to_value(drift::Fixed::openapi()).unwrap());
    let check = |contract: &Contract, path: &str| {
        let seen = crate::common::send("GET", &format!("{base}{path}"), None);
        let status = http::StatusCode::from_u16(seen.status).unwrap();
        contract.check(&http::Method::GET, path, status, seen.text.as_bytes())
    };
    for path in ["/items/1", "/items/7", "/items/seven"] {
        assert_eq!(check(&drifted, path), Ok(()), "{path}");
        assert_eq!(check(&fixed, path), Ok(()), "{path}");
    }
    let error = check(&drifted, "/items/0").unwrap_err();
    assert_eq!(
        (error.status(), error.code()),
        (http::StatusCode::TOO_MANY_REQUESTS, Some("rate_limited"))
    );
    assert!(
        error.to_string().starts_with(
            "GET /items/0 answered 429 `rate_limited`, which GET /items/{id} does not document"
        ),
        "{error}"
    );
    assert_eq!(check(&fixed, "/items/0"), Ok(()));
    // A route the document does not have is undocumented too.
    let unknown = check(&fixed, "/nothing/here").unwrap_err();
    assert!(
        unknown
            .to_string()
            .ends_with("and the document has no operation for it"),
        "{unknown}"
    );
}
