use status_core::ApiStatus;

const CHALLENGE: &str = "Bearer\r\nSet-Cookie: session=stolen";

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404)]
    NotFound,
    #[status(401, www_authenticate = CHALLENGE)]
    Unauthorized,
}

fn main() {
    let _ = ApiError::NotFound.status();
}
