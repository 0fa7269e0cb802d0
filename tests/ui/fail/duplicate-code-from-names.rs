use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404)]
    HTTPError,
    #[status(410)]
    HttpError,
}

fn main() {}
