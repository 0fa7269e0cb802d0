//! The todo service: `GET /todos/1` is the one todo, any other id is not found, and
//! `GET /limited` is always rate limited. Listens on 127.0.0.1:`$PORT` (3000 by default; 0
//! for a free port) and prints its address first.

use axum::extract::Path;
use axum::routing::get;
use axum::{Json, Router};
use example_api::{ApiError, Todo};

async fn todo(Path(id): Path<u64>) -> Result<Json<Todo>, ApiError> {
    match id {
        1 => Ok(Json(Todo {
            id,
            title: "write the client".to_owned(),
        })),
        _ => Err(ApiError::TodoNotFound { id }),
    }
}

async fn limited() -> Result<Json<Todo>, ApiError> {
    Err(ApiError::RateLimited {
        retry_in: 30,
        limit: 100,
    })
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let app = Router::new()
        .route("/todos/{id}", get(todo))
        .route("/limited", get(limited));
    axum::serve(listener, app).await
}
