use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "user {idd} not found")]
    UserNotFound { id: u64 },
    #[status(404, message = "no {name} here")]
    Unit,
}

fn main() {}
