use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, type = "problems/user_not_found")]
    UserNotFound,
    #[status(403, type = "//api.example.com/problems/out_of_credit")]
    OutOfCredit,
    #[status(409, type = "api.example.com/problems/conflict", description = "Edited meanwhile.")]
    Conflict,
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "problems/")]
enum OtherError {
    #[status(404)]
    NotFound,
}

fn main() {}
