use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(401)]
    Unauthorized,
}

fn main() {}
