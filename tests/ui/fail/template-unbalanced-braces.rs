use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "user {id not found")]
    Unclosed { id: u64 },
    #[status(404, message = "user id} not found")]
    Unmatched { id: u64 },
}

fn main() {}
