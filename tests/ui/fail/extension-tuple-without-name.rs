use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(429)]
    Limited(#[status(extension)] u32),
}

fn main() {}
