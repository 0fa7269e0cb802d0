use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(418, description = "")]
    Teapot,
    #[status(404, description = "  ")]
    NotFound,
}

fn main() {}
