use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, crate = "status_core")]
    NotFound,
    #[status(422, extension, description = "Invalid input.")]
    Invalid { errors: Vec<String> },
}

fn main() {}
