use status_core::{ApiStatus, FromProblem, RetryAfter};

struct Backoff;

impl RetryAfter for Backoff {
    fn retry_after_seconds(&self) -> Option<u64> {
        Some(30)
    }
}

#[derive(ApiStatus, FromProblem)]
enum ApiError {
    #[status(503)]
    Busy {
        #[status(retry_after)]
        backoff: Backoff,
    },
}

fn main() {}
