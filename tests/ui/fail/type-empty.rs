use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(403, type = "", title = "")]
    OutOfCredit,
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "")]
enum OtherError {
    #[status(404)]
    NotFound,
}

fn main() {}
