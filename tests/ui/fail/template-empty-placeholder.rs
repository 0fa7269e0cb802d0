use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "user {} not found")]
    UserNotFound(u64),
}

fn main() {}
