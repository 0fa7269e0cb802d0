use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(transparent)]
    Nothing,
}

fn main() {}
