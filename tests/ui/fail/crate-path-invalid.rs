use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(crate = "my api::status_core")]
enum ApiError {
    #[status(404)]
    NotFound,
}

fn main() {}
