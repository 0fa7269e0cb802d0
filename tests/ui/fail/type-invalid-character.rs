use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, type = "https://api.example.com/problems/user not found")]
    UserNotFound,
    #[status(403, type = "/problems/crédit")]
    OutOfCredit,
    #[status(400, type = "/problems/{field}")]
    Invalid,
    #[status(429, type = "/problems/slow\tdown")]
    Limited,
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems|v2/")]
enum OtherError {
    #[status(404)]
    NotFound,
}

fn main() {}
