use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: String,
    },
}

fn main() {}
