use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(subset(ReadError = [UserNotFound, Database, UserNotFound]))]
enum ApiError {
    #[status(404)]
    UserNotFound,
    #[status(500)]
    Database,
}

fn main() {}
