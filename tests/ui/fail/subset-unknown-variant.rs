use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(subset(ReadError = [UserNotFond, Databse, Teapot]))]
enum ApiError {
    #[status(404)]
    UserNotFound,
    #[status(409)]
    Conflict,
    #[status(500)]
    Database,
}

fn main() {}
