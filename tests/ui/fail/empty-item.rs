use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404,, code = "missing")]
    NotFound,
}

fn main() {}
