use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "user {1} not found")]
    UserNotFound(u64),
}

fn main() {}
