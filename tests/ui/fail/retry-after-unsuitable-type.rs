use status_core::ApiStatus;

struct Seconds(u64);

#[derive(ApiStatus)]
enum ApiError {
    #[status(503)]
    Maintenance {
        #[status(retry_after)]
        wait: Seconds,
    },
}

fn main() {}
