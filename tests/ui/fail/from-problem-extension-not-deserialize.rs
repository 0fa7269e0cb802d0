use status_core::{ApiStatus, FromProblem};

#[derive(serde::Serialize)]
struct Limits {
    per_minute: u32,
}

#[derive(ApiStatus, FromProblem)]
enum ApiError {
    #[status(429)]
    RateLimited {
        #[status(extension = "limits")]
        limits: Limits,
    },
}

fn main() {}
