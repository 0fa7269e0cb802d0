use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(403, title = "You do not have enough credit")]
    OutOfCredit,
    #[status(404, type = "about:blank", title = "No such user")]
    UserNotFound,
}

#[derive(Debug, ApiStatus)]
#[status(503, title = "Down for maintenance")]
struct Maintenance;

fn main() {}
