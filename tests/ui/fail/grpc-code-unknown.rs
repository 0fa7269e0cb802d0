use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, grpc = "NotFound")]
    UserNotFound,
    #[status(503, grpc = "ok")]
    Conflict,
    #[status(429, grpc = "slow_down")]
    RateLimited,
}

fn main() {}
