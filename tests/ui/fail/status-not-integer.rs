use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status("404")]
    NotFound,
}

fn main() {}
