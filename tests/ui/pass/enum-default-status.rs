use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(500)]
enum ApiError {
    Database,
    Cache,
    #[status(404)]
    NotFound,
}

fn main() {
    assert_eq!(ApiError::Database.status(), 500);
    assert_eq!(ApiError::Cache.code(), "internal_server_error");
    assert_eq!(ApiError::NotFound.status(), 404);
}
