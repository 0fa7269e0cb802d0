use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum ApiError {
    #[status(404, type = "https://api.example.com/problems/missing")]
    UserNotFound,
    #[status(410, type = "https://api.example.com/problems/missing", description = "Deleted.")]
    UserDeleted,
    #[status(404, type = "https://api.example.com/problems/bad_input")]
    UnknownOrder,
    #[status(400)]
    BadInput,
}

fn main() {}
