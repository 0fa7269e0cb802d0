//! A small warp service whose handlers return the derived `ApiError`, as a reply or as a
//! rejection.
//!
//! `cargo run --example warp_server --features warp` serves on 127.0.0.1:3000 (or `$PORT`)
//! until Ctrl-C and prints the curl lines to try; `-- --once` serves on a free port, calls
//! one endpoint itself, prints what came back, and exits.

mod demo;

use std::collections::BTreeMap;
use std::time::Duration;

use demo::ApiError;
use warp::{Filter, Rejection, Reply};

/// A reply: `Result<Json, ApiError>` is one, the error answering with its problem.
fn user(id: u64) -> Result<warp::reply::Json, ApiError> {
    Ok(warp::reply::json(&demo::find_user(id)?))
}

fn limited() -> Result<String, ApiError> {
    Err(ApiError::RateLimited {
        retry_after: Duration::from_secs(30),
    })
}

fn signup(form: &BTreeMap<String, String>) -> Result<String, ApiError> {
    if form.get("email").is_some_and(|email| email.contains('@')) {
        return Ok("welcome\n".to_owned());
    }
    let errors = BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]);
    Err(ApiError::Invalid { errors })
}

fn crash() -> Result<String, ApiError> {
    // The io error's text goes to the logs (feature `tracing`), never into the body.
    Err(std::io::Error::other("connection to db.internal:5432 reset").into())
}

/// A rejection: `?` makes the error one, and `recover` answers it with its problem.
/// An occurrence of every variant, by its code: `/errors/user_not_found`, ...
async fn error(code: String) -> Result<String, Rejection> {
    Err(demo::sample(&code).unwrap_or(ApiError::UserNotFound { id: 0 }))?
}

fn routes() -> impl Filter<Extract = impl Reply, Error = std::convert::Infallible> + Clone {
    let user = warp::path!("users" / u64).and(warp::get()).map(user);
    let limited = warp::path!("limited").and(warp::get()).map(limited);
    let signup = warp::path!("signup")
        .and(warp::post())
        .and(warp::body::content_length_limit(16 * 1024))
        .and(warp::body::json())
        .map(|form| signup(&form));
    let crash = warp::path!("crash").and(warp::get()).map(crash);
    let error = warp::path!("errors" / String)
        .and(warp::get())
        .and_then(error);
    user.or(limited)
        .or(signup)
        .or(crash)
        .or(error)
        // The error catalog, at `/problems/`: each problem type URI opens its own page.
        .or(status_core::warp::problem_types::<ApiError>())
        // warp's own rejections, and the handlers', as Problem Details.
        .recover(status_core::warp::recover)
        // Outermost, so that every problem body, warp's own too, names its path.
        .with(warp::wrap_fn(status_core::warp::problem_instance))
}

fn main() -> std::io::Result<()> {
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
        let base = format!("http://{}", listener.local_addr()?);
        println!("warp serving on {base}; try:");
        for line in demo::curl_lines(&base) {
            println!("  {line}");
        }
        let serving = tokio::spawn(warp::serve(routes()).incoming(listener).run());
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
