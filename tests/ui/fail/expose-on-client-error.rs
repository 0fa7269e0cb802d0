use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, expose, message = "user {id} not found")]
    UserNotFound { id: u64 },
}

fn main() {}
