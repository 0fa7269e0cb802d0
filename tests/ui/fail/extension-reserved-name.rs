use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429)]
    Limited {
        #[status(extension)]
        detail: String,
        #[status(extension = "status")]
        limit: u32,
    },
}

fn main() {}
