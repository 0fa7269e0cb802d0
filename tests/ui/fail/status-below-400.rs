use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(200)]
    Fine,
    #[status(302)]
    Moved,
}

fn main() {}
