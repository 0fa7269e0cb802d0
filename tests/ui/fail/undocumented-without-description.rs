use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(409)]
    Conflict,
}

fn main() {}
