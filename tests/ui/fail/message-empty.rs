use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "")]
    NotFound,
    #[status(400, message = " \n ")]
    BadRequest,
}

fn main() {}
