use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status]
    NotFound,
    #[status()]
    Gone,
}

fn main() {}
