//! Calls the todo service at the URL given as the only argument and prints what came back:
//! a todo, and the service's errors as values of its own `ApiError`. Exits non-zero if any
//! answer is not the one the server is written to give.

use example_api::{ApiError, Todo};
use status_core::reqwest::ClientError;

async fn get(base: &str, path: &str) -> Result<Todo, ClientError<ApiError>> {
    let response = reqwest::get(format!("{base}{path}")).await?;
    status_core::reqwest::json(response).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), String> {
    let base = std::env::args().nth(1).ok_or("usage: example-client URL")?;

    let todo = get(&base, "/todos/1").await.map_err(|e| e.to_string())?;
    println!("GET /todos/1: {todo:?}");

    match get(&base, "/todos/7").await {
        Err(ClientError::Api(ApiError::TodoNotFound { id: 7 })) => {
            println!("GET /todos/7: ApiError::TodoNotFound {{ id: 7 }}");
        }
        other => return Err(format!("GET /todos/7: {other:?}")),
    }
    match get(&base, "/limited").await {
        Err(ClientError::Api(error @ ApiError::RateLimited { retry_in: 30, .. })) => {
            println!("GET /limited: {error:?}");
        }
        other => return Err(format!("GET /limited: {other:?}")),
    }
    Ok(())
}
