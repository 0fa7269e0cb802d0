use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems")]
enum ApiError {
    #[status(404)]
    UserNotFound,
}

fn main() {}
