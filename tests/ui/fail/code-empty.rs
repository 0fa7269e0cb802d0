use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, code = "")]
    NotFound,
    #[status(400, code = "   ")]
    BadRequest,
}

fn main() {}
