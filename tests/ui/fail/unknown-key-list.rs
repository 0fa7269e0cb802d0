use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, colour = "red")]
    NotFound,
}

fn main() {}
