//! The `utoipa` example's users API on actix-web: the same document, the same errors and the
//! same rejections, answered by actix-web's extractors through `status_core::actix`.
//!
//! `cargo run --example utoipa_actix --features utoipa,actix-web` serves on 127.0.0.1:3000
//! (or `$PORT`) until Ctrl-C, with the document at `/openapi.json`; `-- --once` serves on a
//! free port, fetches the document and two errors itself, prints them, and exits; `-- --print`
//! only prints the document.

// The shared example enum: documented here, not every variant is constructed.
#[allow(dead_code)]
mod demo;

use actix_web::{web, App, HttpResponse, HttpServer};
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
async fn users(page: web::Query<Page>) -> Result<web::Json<Vec<User>>, ListUsersError> {
    demo::check_page(page.limit)?;
    Ok(web::Json(
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
async fn create_user(
    new: status_core::actix::Json<NewUser>,
) -> Result<web::Json<User>, CreateUserError> {
    let new = new.into_inner();
    demo::check_new_name(&new.name)?;
    Ok(web::Json(User {
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
async fn user(id: web::Path<u64>) -> Result<web::Json<User>, GetUserError> {
    match id.into_inner() {
        1 => Ok(web::Json(ada())),
        id => Err(GetUserError::UserNotFound { id }),
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

async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

fn main() -> std::io::Result<()> {
    if std::env::args().any(|arg| arg == "--print") {
        let json = ApiDoc::openapi()
            .to_pretty_json()
            .map_err(std::io::Error::other)?;
        println!("{json}");
        return Ok(());
    }
    let once = std::env::args().any(|arg| arg == "--once");
    let port = if once {
        "0".to_owned()
    } else {
        std::env::var("PORT").unwrap_or_else(|_| "3000".into())
    };
    let listener = std::net::TcpListener::bind(format!("127.0.0.1:{port}"))?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("actix-web (documented with utoipa) serving on {base}; try:");
    for path in TRY_PATHS {
        println!("  curl -i '{base}{path}'");
    }
    let server = HttpServer::new(|| {
        App::new()
            // actix-web's own errors (a body, query or path that does not parse, a wrong
            // method) as the rejections the document lists.
            .wrap(status_core::actix::error_handlers())
            .configure(status_core::actix::rejections)
            .service(
                web::resource("/users")
                    .route(web::get().to(users))
                    .route(web::post().to(create_user)),
            )
            .route("/users/{id}", web::get().to(user))
            .route("/openapi.json", web::get().to(openapi_json))
            .default_service(web::to(status_core::actix::not_found))
    })
    .workers(1)
    .listen(listener)?
    .run();
    if !once {
        return actix_web::rt::System::new().block_on(server);
    }
    let handle = server.handle();
    let client = std::thread::spawn(move || {
        ["/openapi.json", "/users/42", "/users/ada"]
            .map(|path| format!("GET {path}\n{}", demo::fetch(&format!("{base}{path}"))))
    });
    actix_web::rt::System::new().block_on(async move {
        let serving = actix_web::rt::spawn(server);
        let shown = actix_web::rt::task::spawn_blocking(move || client.join()).await;
        handle.stop(true).await;
        let _ = serving.await;
        if let Ok(Ok(shown)) = shown {
            println!("\n{}", shown.join("\n\n"));
        }
    });
    Ok(())
}
