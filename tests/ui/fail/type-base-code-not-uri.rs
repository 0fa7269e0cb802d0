use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum ApiError {
    #[status(404, code = "user not found")]
    UserNotFound,
    #[status(400)]
    Café,
}

fn main() {}
