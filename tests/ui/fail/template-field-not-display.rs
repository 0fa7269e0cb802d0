use status_core::ApiStatus;

#[derive(Debug)]
struct UserId(u64);

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "user {id} not found")]
    UserNotFound { id: UserId },
}

fn main() {}
