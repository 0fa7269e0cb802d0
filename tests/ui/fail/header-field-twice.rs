use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: &'static str,
        #[status(allow)]
        also: &'static str,
    },
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: u64,
        #[status(retry_after)]
        again: u64,
    },
}

fn main() {}
