use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, mesage = "user not found")]
    NotFound,
}

fn main() {}
