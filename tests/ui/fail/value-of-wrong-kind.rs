use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = 5)]
    NotFound,
    #[status(429, retry_after = "30")]
    Slow,
    #[status(404, transparent = true)]
    Flag,
}

fn main() {}
