use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429)]
    Limited {
        #[status(extention)]
        limit: u32,
        #[status(retry_after = 30)]
        wait: u64,
    },
}

fn main() {}
