use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(http::StatusCode::NOT_FOUND)]
    NotFound,
}

fn main() {}
