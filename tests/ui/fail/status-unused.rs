use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(418)]
    Teapot,
}

fn main() {}
