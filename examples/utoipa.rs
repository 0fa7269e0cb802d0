//! An axum service documented with utoipa: each handler returns a subset of `ApiError` and
//! names it once in `responses(...)`, merged with what axum rejects before the handler runs
//! (`Merged<(CreateUserError, JsonBodyRejections)>`), and the document lists, under each
//! operation, exactly the errors it can send, with one named example per code.
//!
//! `cargo run --example utoipa --features utoipa,axum` serves on 127.0.0.1:3000 (or `$PORT`)
//! until Ctrl-C, with the document at `/openapi.json`; `-- --once` serves on a free port,
//! fetches the document and one error itself, prints them, and exits; `-- --print` only
//! prints the document.

// The shared example enum: documented here, not every variant is constructed.
#[allow(dead_code)]
mod demo;

use axum::extract::{Path, Query};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use demo::documented::{ada, NewUser, Page, User, TRY_PATHS};
use demo::{CreateUserError, GetUserError, ListUsersError};
use status_core::utoipa::{JsonBodyRejections, Merged, PathRejections, QueryRejections};
use utoipa::OpenApi;

/// List the users.
#[utoipa::path(
    get,
    path = "/users",
    params(Page),
    responses(
        (status = 200, description = "The users", body = [User]),
        Merged<(ListUsersError, QueryRejections)>
    )
)]
async fn users(Query(page): Query<Page>) -> Result<Json<Vec<User>>, ListUsersError> {
    demo::check_page(page.limit)?;
    Ok(Json(
        std::iter::once(ada()).take(page.limit.into()).collect(),
    ))
}

/// Create a user.
#[utoipa::path(
    post,
    path = "/users",
    request_body = NewUser,
    responses(
        (status = 200, description = "The user created", body = User),
        Merged<(CreateUserError, JsonBodyRejections)>
    )
)]
async fn create_user(Json(new): Json<NewUser>) -> Result<Json<User>, CreateUserError> {
    demo::check_new_name(&new.name)?;
    Ok(Json(User {
        id: 2,
        name: new.name,
    }))
}

/// Fetch a user by id.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The user", body = User),
        Merged<(GetUserError, PathRejections)>
    )
)]
async fn user(Path(id): Path<u64>) -> Result<Json<User>, GetUserError> {
    match id {
        1 => Ok(Json(ada())),
        _ => Err(GetUserError::UserNotFound { id }),
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Example service",
        version = "1.0.0",
        description = "Users, and the Problem Details responses of their errors.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    paths(users, create_user, user)
)]
struct ApiDoc;

async fn openapi_json() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

/// The service: the documented routes, the document, the fallback and the layer that serves
/// axum's own errors as the rejections the document lists.
pub fn app() -> Router {
    Router::new()
        .route("/users", get(users).post(create_user))
        .route("/users/{id}", get(user))
        .route("/openapi.json", get(openapi_json))
        .fallback(status_core::axum::not_found)
        .layer(axum::middleware::map_response(
            status_core::axum::problem_details,
        ))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    if std::env::args().any(|arg| arg == "--print") {
        let json = ApiDoc::openapi()
            .to_pretty_json()
            .map_err(std::io::Error::other)?;
        println!("{json}");
        return Ok(());
    }
    demo::serve::serve(
        app(),
        "axum (documented with utoipa)",
        |base| demo::serve::curl_each(base, &TRY_PATHS),
        &["/openapi.json", "/users/42", "/users/ada"],
    )
    .await
}
