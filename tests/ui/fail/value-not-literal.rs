use status_core::ApiStatus;

const DESCRIPTION: &str = "The resource changed since it was read.";
const WAIT: u64 = 30;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(409, description = DESCRIPTION)]
    Conflict,
    #[status(429, retry_after = WAIT)]
    Limited,
}

fn main() {}
