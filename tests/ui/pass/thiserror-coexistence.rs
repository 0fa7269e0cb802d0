use status_core::ApiStatus;

#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(display)]
enum ApiError {
    #[error("user {id} not found")]
    #[status(404)]
    UserNotFound { id: u64 },
    #[error("database unavailable: {0}")]
    #[status(503)]
    Database(#[from] std::io::Error),
}

fn main() {
    assert_eq!(ApiError::UserNotFound { id: 5 }.detail(), "user 5 not found");
    let err: ApiError = std::io::Error::other("connection refused").into();
    assert_eq!(err.to_string(), "database unavailable: connection refused");
    assert!(!err.detail().contains("connection refused"));
}
