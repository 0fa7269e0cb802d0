use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, code =)]
    NotFound,
    #[status(409, description)]
    Conflict,
    #[status(401, www_authenticate)]
    Unauthorized,
    #[status(404, transparent =)]
    Inner,
}

fn main() {}
