use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429)]
    Limited {
        #[status(extension = "limit")]
        per_minute: u32,
        #[status(extension = "limit")]
        per_hour: u32,
    },
}

fn main() {}
