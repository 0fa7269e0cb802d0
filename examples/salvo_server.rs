//! A small salvo service whose `#[endpoint]` handlers return the derived `ApiError`, with the
//! OpenAPI document salvo-oapi builds from them.
//!
//! `cargo run --example salvo_server --features salvo-oapi` serves on 127.0.0.1:3000 (or
//! `$PORT`) until Ctrl-C, with the document at `/openapi.json`, and prints the curl lines to
//! try; `-- --once` serves on a free port, calls one endpoint itself, prints what came back,
//! and exits; `-- --print` only prints the document.

mod demo;

use std::collections::BTreeMap;
use std::time::Duration;

use demo::ApiError;
use salvo::catcher::Catcher;
use salvo::oapi::extract::{JsonBody, PathParam};
use salvo::oapi::{endpoint, OpenApi, ToSchema};
use salvo::prelude::*;
use status_core::salvo::{ProblemDetails, ProblemInstance};

/// A user of the example service.
#[derive(serde::Serialize, ToSchema)]
struct User {
    id: u64,
    name: String,
}

/// Finds a user by id.
#[endpoint]
async fn user(id: PathParam<u64>) -> Result<Json<User>, ApiError> {
    let found = demo::find_user(*id)?;
    Ok(Json(User {
        id: found.id,
        name: found.name,
    }))
}

/// Always rate limited.
#[endpoint]
async fn limited() -> Result<String, ApiError> {
    Err(ApiError::RateLimited {
        retry_after: Duration::from_secs(30),
    })
}

/// Signs up with an email address.
#[endpoint]
async fn signup(form: JsonBody<BTreeMap<String, String>>) -> Result<String, ApiError> {
    if form.get("email").is_some_and(|email| email.contains('@')) {
        return Ok("welcome\n".to_owned());
    }
    let errors = BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]);
    Err(ApiError::Invalid { errors })
}

/// Fails on the database.
#[endpoint]
async fn crash() -> Result<String, ApiError> {
    // The io error's text goes to the logs (feature `tracing`), never into the body.
    Err(std::io::Error::other("connection to db.internal:5432 reset").into())
}

/// An occurrence of every variant, by its code: `/errors/user_not_found`, ...
#[endpoint]
async fn error(code: PathParam<String>) -> Result<String, ApiError> {
    Err(demo::sample(&code).unwrap_or(ApiError::UserNotFound { id: 0 }))
}

/// The API's routes, which the document describes.
fn api() -> Router {
    Router::new()
        .push(Router::with_path("users/{id}").get(user))
        .push(Router::with_path("limited").get(limited))
        .push(Router::with_path("signup").post(signup))
        .push(Router::with_path("crash").get(crash))
        .push(Router::with_path("errors/{code}").get(error))
}

/// salvo-oapi's document, with what [`ProblemDetails`] answers for each operation's
/// parameters and body before the handler runs.
fn document() -> OpenApi {
    status_core::salvo_oapi::with_rejections(
        OpenApi::new("Example service", "1.0.0").merge_router(&api()),
    )
}

fn service() -> Service {
    let router = api()
        // The error catalog, at `/problems/`: each problem type URI opens its own page.
        .push(status_core::salvo::problem_types::<ApiError>())
        .push(document().into_router("openapi.json"));
    Service::new(router)
        // On the service, so that every problem body names its path, salvo's own too.
        .hoop(ProblemInstance)
        .catcher(Catcher::default().hoop(ProblemDetails))
}

fn main() -> std::io::Result<()> {
    if std::env::args().any(|arg| arg == "--print") {
        println!(
            "{}",
            document().to_pretty_json().map_err(std::io::Error::other)?
        );
        return Ok(());
    }
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let acceptor = TcpListener::new(format!("127.0.0.1:{port}"))
            .try_bind()
            .await
            .map_err(std::io::Error::other)?;
        let base = format!("http://{}", acceptor.local_addr()?);
        println!("salvo serving on {base}; try:");
        for line in demo::curl_lines(&base) {
            println!("  {line}");
        }
        println!("  curl -i {base}/openapi.json");
        let serving = tokio::spawn(Server::new(acceptor).serve(service()));
        if once {
            let url = format!("{base}/users/42");
            let shown = tokio::task::spawn_blocking(move || demo::fetch(&url))
                .await
                .map_err(std::io::Error::other)?;
            println!("\nGET /users/42\n{shown}");
            // The runtime, dropped on return, stops the server.
            return Ok(());
        }
        serving.await.map_err(std::io::Error::other)
    })
}
