use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(403, www_authenticate = "Bearer")]
    Forbidden,
}

fn main() {}
