use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429, retry_after = 30)]
    Limited {
        #[status(retry_after)]
        wait: u64,
    },
}

fn main() {}
