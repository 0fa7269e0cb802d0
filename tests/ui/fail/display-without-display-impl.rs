use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, display)]
    UserNotFound { id: u64 },
}

fn main() {}
