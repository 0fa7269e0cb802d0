use status_core::ApiStatus;

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(404, display, message = "user {id} not found")]
    UserNotFound { id: u64 },
}

fn main() {}
