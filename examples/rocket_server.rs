//! A small rocket service whose handlers return the derived `ApiError`.
//!
//! `cargo run --example rocket_server --features rocket` serves on 127.0.0.1:3000 (or
//! `$PORT`) until Ctrl-C and prints the curl lines to try; `-- --once` serves on a free port,
//! calls one endpoint itself, prints what came back, and exits.

mod demo;

use std::collections::BTreeMap;
use std::net::Ipv4Addr;
use std::time::Duration;

use demo::{ApiError, User};
use rocket::config::LogLevel;
use rocket::fairing::AdHoc;
use rocket::serde::json::Json;
use rocket::{Build, Rocket};

#[rocket::get("/users/<id>")]
fn user(id: u64) -> Result<Json<User>, ApiError> {
    Ok(Json(demo::find_user(id)?))
}

#[rocket::get("/limited")]
fn limited() -> Result<String, ApiError> {
    Err(ApiError::RateLimited {
        retry_after: Duration::from_secs(30),
    })
}

/// `status_core::rocket::Json`: a body that fails to parse is answered by kind.
#[rocket::post("/signup", data = "<form>")]
fn signup(form: status_core::rocket::Json<BTreeMap<String, String>>) -> Result<String, ApiError> {
    let status_core::rocket::Json(form) = form;
    if form.get("email").is_some_and(|email| email.contains('@')) {
        return Ok("welcome\n".to_owned());
    }
    let errors = BTreeMap::from([("email".to_owned(), vec!["must be an address".to_owned()])]);
    Err(ApiError::Invalid { errors })
}

#[rocket::get("/crash")]
fn crash() -> Result<String, ApiError> {
    // The io error's text goes to the logs (feature `tracing`), never into the body.
    Err(std::io::Error::other("connection to db.internal:5432 reset").into())
}

/// An occurrence of every variant, by its code: `/errors/user_not_found`, ...
#[rocket::get("/errors/<code>")]
fn error(code: &str) -> Result<String, ApiError> {
    Err(demo::sample(code).unwrap_or(ApiError::UserNotFound { id: 0 }))
}

fn app(port: u16) -> Rocket<Build> {
    let config = rocket::Config {
        address: Ipv4Addr::LOCALHOST.into(),
        port,
        // The curl lines say where to go; rocket's own log would bury them.
        log_level: LogLevel::Critical,
        ..rocket::Config::default()
    };
    rocket::custom(config)
        .mount("/", rocket::routes![user, limited, signup, crash, error])
        // The error catalog, at `/problems/`: each problem type URI opens its own page.
        .mount("/", status_core::rocket::problem_types::<ApiError>())
        .register("/", status_core::rocket::catchers())
        .attach(status_core::rocket::ProblemInstance)
}

fn main() {
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        0
    } else {
        std::env::var("PORT")
            .map_or(Ok(3000), |port| port.parse())
            .unwrap_or_else(|_| {
                eprintln!("PORT is not a port number");
                std::process::exit(2)
            })
    };
    // rocket binds before liftoff and writes the port it got into its configuration.
    let app = app(port).attach(AdHoc::on_liftoff("banner", move |rocket| {
        let base = format!(
            "http://{}:{}",
            rocket.config().address,
            rocket.config().port
        );
        println!("rocket serving on {base}; try:");
        for line in demo::curl_lines(&base) {
            println!("  {line}");
        }
        if once {
            let shutdown = rocket.shutdown();
            // Liftoff waits for this fairing: the request is sent once it has returned.
            rocket::tokio::spawn(async move {
                let url = format!("{base}/users/42");
                if let Ok(shown) =
                    rocket::tokio::task::spawn_blocking(move || demo::fetch(&url)).await
                {
                    println!("\nGET /users/42\n{shown}");
                }
                shutdown.notify();
            });
        }
        Box::pin(async {})
    }));
    if let Err(error) = rocket::execute(app.launch()) {
        eprintln!("{error}");
        std::process::exit(1);
    }
}
