use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum AuthError {
    #[status(401, www_authenticate = "Bearer")]
    InvalidToken,
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "/problems/")]
enum ApiError {
    #[status(404)]
    UserNotFound,
    #[status(transparent)]
    Auth(AuthError),
}

fn main() {
    let _ = ApiError::UserNotFound.status();
    let _ = ApiError::Auth(AuthError::InvalidToken).status();
}
