use status_core::{ApiStatus, FromProblem};

#[derive(ApiStatus)]
enum AuthError {
    #[status(401, www_authenticate = "Bearer")]
    Expired,
}

#[derive(ApiStatus, FromProblem)]
enum ApiError {
    #[status(transparent)]
    Auth(AuthError),
}

fn main() {}
