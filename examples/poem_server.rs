//! A small poem service whose handlers return the derived `ApiError`, documented by
//! poem-openapi.
//!
//! `cargo run --example poem_server --features poem-openapi` serves on 127.0.0.1:3000 (or
//! `$PORT`) until Ctrl-C and prints the curl lines to try; `-- --once` serves on a free port,
//! calls one endpoint itself, prints what came back, and exits; `-- --print` prints the
//! OpenAPI document poem-openapi writes, with the rejections of each operation's parameters
//! and payload added (also served at `/openapi.json`).

mod demo;

use std::collections::BTreeMap;
use std::time::Duration;

use demo::ApiError;
use poem::listener::TcpAcceptor;
use poem::web::Path;
use poem::{get, handler, EndpointExt, IntoEndpoint, Route, Server};
use poem_openapi::payload::{Json, PlainText};
use poem_openapi::{Object, OpenApi, OpenApiService};
use status_core::poem::{problem_types, ProblemDetails, ProblemInstance};
use status_core::poem_openapi::AllowedMethods;

/// A user, as the API sends it.
#[derive(Object)]
struct User {
    id: u64,
    name: String,
}

struct Api;

#[OpenApi]
#[allow(clippy::unused_async)] // poem-openapi's operations are async
impl Api {
    /// Finds a user by id: only user 1 exists.
    #[oai(path = "/users/:id", method = "get")]
    async fn user(&self, id: poem_openapi::param::Path<u64>) -> Result<Json<User>, ApiError> {
        let user = demo::find_user(id.0)?;
        Ok(Json(User {
            id: user.id,
            name: user.name,
        }))
    }

    /// Signs up with an email address.
    #[oai(path = "/signup", method = "post")]
    async fn signup(
        &self,
        form: Json<BTreeMap<String, String>>,
    ) -> Result<PlainText<&'static str>, ApiError> {
        if form.0.get("email").is_some_and(|email| email.contains('@')) {
            return Ok(PlainText("welcome\n"));
        }
        let errors = BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]);
        Err(ApiError::Invalid { errors })
    }
}

#[handler]
fn limited() -> Result<String, ApiError> {
    Err(ApiError::RateLimited {
        retry_after: Duration::from_secs(30),
    })
}

#[handler]
fn crash() -> Result<String, ApiError> {
    // The io error's text goes to the logs (feature `tracing`), never into the body.
    Err(std::io::Error::other("connection to db.internal:5432 reset").into())
}

/// An occurrence of every variant, by its code: `/errors/user_not_found`, ...
#[handler]
fn error(Path(code): Path<String>) -> Result<String, ApiError> {
    Err(demo::sample(&code).unwrap_or(ApiError::UserNotFound { id: 0 }))
}

fn service() -> OpenApiService<Api, ()> {
    OpenApiService::new(Api, "Example service", "1.0.0")
}

/// poem-openapi's document, with what [`ProblemDetails`] answers for each operation's
/// parameters and payload before the operation runs.
fn spec() -> String {
    status_core::poem_openapi::with_rejections(&service().spec())
}

fn app() -> impl poem::Endpoint {
    let service = service();
    let spec = status_core::poem_openapi::spec_endpoint(spec());
    let pages = problem_types::<ApiError>();
    Route::new()
        .at("/limited", get(limited))
        .at("/crash", get(crash))
        .at("/errors/:code", get(error))
        .at("/openapi.json", spec)
        // The error catalog, at `/problems/`: each problem type URI opens its own page.
        .nest(pages.path(), pages)
        // poem-openapi's router answers a method a path lacks without `Allow`; this names the
        // methods the document gives the path.
        .nest(
            "/",
            service.into_endpoint().with(AllowedMethods::of::<Api>()),
        )
        .with(ProblemDetails)
        // Outermost, so that every problem body, the rewritten ones too, names its path.
        .with(ProblemInstance)
}

fn main() -> std::io::Result<()> {
    if std::env::args().any(|arg| arg == "--print") {
        println!("{}", spec());
        return Ok(());
    }
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{port}"))?;
    listener.set_nonblocking(true)?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("poem serving on {base}; try:");
    for line in demo::curl_lines(&base) {
        println!("  {line}");
    }
    println!("  curl -i {base}/openapi.json");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let acceptor = TcpAcceptor::from_std(listener)?;
        let server = tokio::spawn(Server::new_with_acceptor(acceptor).run(app()));
        if once {
            let url = format!("{base}/users/42");
            let shown = tokio::task::spawn_blocking(move || demo::fetch(&url))
                .await
                .map_err(std::io::Error::other)?;
            println!("\nGET /users/42\n{shown}");
            return Ok(());
        }
        server.await.map_err(std::io::Error::other)?
    })
}
