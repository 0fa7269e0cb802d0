//! An axum service documented with aide: each handler returns a subset of `ApiError`
//! (`Result<Json<User>, GetUserError>`), and the generated OpenAPI document lists, under each
//! operation, exactly that subset's error responses, with no annotation. It is the docs tools
//! guide's walk-through (`status_core::guide::docs_tools`), whole: the document served at
//! `/openapi.json`, the problem type pages at `/problems/`, the fallback, and the layers in
//! the order they must go (`tests/aide_openapi.rs` serves it and checks each part).
//!
//! `cargo run --example aide --features aide` serves on 127.0.0.1:3000 (or `$PORT`) until
//! Ctrl-C, with the document at `/openapi.json`, and prints the curl lines to try;
//! `-- --once` serves on a free port, fetches the document and one error itself, prints them,
//! and exits; `-- --print` only prints the document.

// The shared example enum: documented here, not every variant is constructed.
#[allow(dead_code)]
mod demo;

use std::sync::Arc;

use aide::axum::routing::get;
use aide::axum::ApiRouter;
use aide::openapi::{Info, OpenApi};
use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json, Router};
use demo::{ApiError, CreateUserError, GetUserError, ListUsersError};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A user of the example service.
#[derive(Serialize, JsonSchema)]
struct User {
    id: u64,
    name: String,
}

// A struct rather than `Path<u64>`, so aide documents the `{id}` parameter by name.
/// The path of a user.
#[derive(Deserialize, JsonSchema)]
struct UserPath {
    /// The user's id.
    id: u64,
}

async fn user(Path(UserPath { id }): Path<UserPath>) -> Result<Json<User>, GetUserError> {
    match id {
        1 => Ok(Json(User {
            id,
            name: "Ada Lovelace".to_owned(),
        })),
        _ => Err(GetUserError::UserNotFound { id }),
    }
}

/// A user to create.
#[derive(Deserialize, JsonSchema)]
struct NewUser {
    /// The user's name, not empty.
    #[schemars(length(min = 1))]
    name: String,
}

async fn create_user(Json(new): Json<NewUser>) -> Result<Json<User>, CreateUserError> {
    demo::check_new_name(&new.name)?;
    Ok(Json(User {
        id: 2,
        name: new.name,
    }))
}

/// How many users to list.
#[derive(Deserialize, JsonSchema)]
struct Page {
    /// At most this many users.
    limit: u8,
}

async fn users(Query(page): Query<Page>) -> Result<Json<Vec<User>>, ListUsersError> {
    demo::check_page(page.limit)?;
    let ada = User {
        id: 1,
        name: "Ada Lovelace".to_owned(),
    };
    Ok(Json(std::iter::once(ada).take(page.limit.into()).collect()))
}

/// Serves the document `finish_api_with` generated, shared rather than cloned per request.
async fn openapi_json(Extension(api): Extension<Arc<OpenApi>>) -> Response {
    Json(api.as_ref()).into_response()
}

/// The service, and its OpenAPI document: the docs tools guide's aide walk-through, step by step.
pub fn app() -> (Router, Arc<OpenApi>) {
    // aide reports what it leaves out of the document (say, a second response for a status
    // that already has one) here, instead of dropping it silently.
    aide::generate::on_error(|error| eprintln!("aide: {error}"));
    let mut api = OpenApi {
        info: Info {
            title: "Example service".to_owned(),
            version: "1.0.0".to_owned(),
            description: Some("Users, and the Problem Details responses of their errors.".into()),
            ..Info::default()
        },
        ..OpenApi::default()
    };
    let router = ApiRouter::new()
        // 1. The documented routes: aide reads each handler's error type, no annotation.
        .api_route("/users", get(users).post(create_user))
        .api_route("/users/{id}", get(user))
        // 2. The document, served beside them: `route`, not `api_route`, so it is not in itself.
        .route("/openapi.json", axum::routing::get(openapi_json))
        // 3. After the last documented route, so that every one is in the document. The
        //    transform adds, to each operation, what axum rejects before the handler runs:
        //    a body that is not JSON, a path or query that does not parse.
        .finish_api_with(&mut api, status_core::aide::rejections)
        // 4. The pages every problem `type` URI points to, merged after `finish_api`, so
        //    they stay out of the API's document.
        .merge(status_core::axum::problem_types::<ApiError, _>())
        // 5. Unknown routes: a 404 as Problem Details.
        .fallback(status_core::axum::not_found)
        // 6. Layers last, so that they wrap every route above and the fallback. The one added
        //    last sees the response last: `problem_details` first turns axum's own plain-text
        //    errors (400, 405, 413, 415, 422) into Problem Details, then `problem_instance`
        //    adds `instance` to every problem body, those included.
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ))
        .layer(axum::middleware::from_fn(
            status_core::axum::problem_instance,
        ));
    let api = Arc::new(api);
    (router.layer(Extension(Arc::clone(&api))), api)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let (app, api) = app();
    if std::env::args().any(|arg| arg == "--print") {
        let json = serde_json::to_string_pretty(api.as_ref()).map_err(std::io::Error::other)?;
        println!("{json}");
        return Ok(());
    }
    let try_paths = [
        "/openapi.json",
        "/users?limit=5",
        "/users/1",
        "/users/42",
        "/users/ada",
        "/no/such/route",
        "/problems/",
        "/problems/user_not_found",
    ];
    demo::serve::serve(
        app,
        "axum (documented with aide)",
        |base| demo::serve::curl_each(base, &try_paths),
        &["/openapi.json", "/users/42", "/users/ada"],
    )
    .await
}
