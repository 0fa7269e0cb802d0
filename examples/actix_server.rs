//! A small actix-web service whose handlers return the derived `ApiError`.
//!
//! `cargo run --example actix_server --features actix-web` serves on 127.0.0.1:3000 (or
//! `$PORT`) until Ctrl-C and prints the curl lines to try; `-- --once` serves on a free port,
//! calls one endpoint itself, prints what came back, and exits.

mod demo;

use std::collections::BTreeMap;
use std::time::Duration;

use actix_web::middleware::from_fn;
use actix_web::{web, App, HttpResponse, HttpServer};
use demo::ApiError;

async fn user(id: web::Path<u64>) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(demo::find_user(id.into_inner())?))
}

async fn limited() -> Result<HttpResponse, ApiError> {
    Err(ApiError::RateLimited {
        retry_after: Duration::from_secs(30),
    })
}

async fn signup(form: web::Json<BTreeMap<String, String>>) -> Result<HttpResponse, ApiError> {
    if form.get("email").is_some_and(|email| email.contains('@')) {
        return Ok(HttpResponse::Ok().body("welcome\n"));
    }
    let errors = BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]);
    Err(ApiError::Invalid { errors })
}

async fn crash() -> Result<HttpResponse, ApiError> {
    // The io error's text goes to the logs (feature `tracing`), never into the body.
    Err(std::io::Error::other("connection to db.internal:5432 reset").into())
}

/// An occurrence of every variant, by its code: `/errors/user_not_found`, ...
async fn error(code: web::Path<String>) -> Result<HttpResponse, ApiError> {
    Err(demo::sample(&code).unwrap_or(ApiError::UserNotFound { id: 0 }))
}

fn main() -> std::io::Result<()> {
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{port}"))?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("actix-web serving on {base}; try:");
    for line in demo::curl_lines(&base) {
        println!("  {line}");
    }
    let server = HttpServer::new(|| {
        App::new()
            .wrap(status_core::actix::error_handlers())
            // Wrapped last, so outermost: every problem body, the rewritten ones too, names
            // its path.
            .wrap(from_fn(status_core::actix::problem_instance))
            .route("/users/{id}", web::get().to(user))
            .route("/limited", web::get().to(limited))
            .route("/signup", web::post().to(signup))
            .route("/crash", web::get().to(crash))
            .route("/errors/{code}", web::get().to(error))
            // The error catalog, at `/problems/`: each problem type URI opens its own page.
            .service(status_core::actix::problem_types::<ApiError>())
            .default_service(web::to(status_core::actix::not_found))
    })
    .workers(1)
    .listen(listener)?
    .run();
    if once {
        let handle = server.handle();
        let url = format!("{base}/users/42");
        let client = std::thread::spawn(move || demo::fetch(&url));
        actix_web::rt::System::new().block_on(async move {
            let serving = actix_web::rt::spawn(server);
            let shown = actix_web::rt::task::spawn_blocking(move || client.join()).await;
            handle.stop(true).await;
            let _ = serving.await;
            if let Ok(Ok(shown)) = shown {
                println!("\nGET /users/42\n{shown}");
            }
        });
        return Ok(());
    }
    actix_web::rt::System::new().block_on(server)
}
