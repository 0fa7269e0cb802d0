use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(401, www_authenticate = "Bearer\r\nSet-Cookie: a=b")]
    Unauthorized,
    #[status(405, allow = "GET HEAD")]
    WrongMethod,
    #[status(405, allow = "GET,,HEAD")]
    EmptyMethod,
}

fn main() {}
