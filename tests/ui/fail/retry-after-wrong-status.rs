use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, retry_after = 30)]
    NotFound,
    #[status(400)]
    Bad {
        #[status(retry_after)]
        wait: u64,
    },
}

fn main() {}
