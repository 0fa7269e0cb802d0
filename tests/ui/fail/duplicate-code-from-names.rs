use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(502)]
    HTTPError,
    #[status(500)]
    HttpError,
}

fn main() {}
