use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404)]
    NotFound,
    #[status(410, code = "not_found", description = "The resource is gone for good.")]
    Gone,
}

fn main() {}
