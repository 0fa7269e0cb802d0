//! A type with a `type_base` forwards to types whose problems have no type, its own crate's
//! or not: their problems take the outer base, as if they were its own rows. A row that names
//! a type keeps it.
use status_core::{ApiStatus, Rejection, RejectionKind};

#[derive(Debug, ApiStatus)]
enum AuthError {
    #[status(401, www_authenticate = "Bearer")]
    InvalidToken,
    #[status(403, type = "/auth/problems/banned")]
    Banned,
    #[status(400, type = "about:blank")]
    Malformed,
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "/problems/")]
enum ApiError {
    #[status(404)]
    UserNotFound,
    #[status(transparent)]
    Auth(AuthError),
    #[status(message = "while signing in")]
    SignIn(#[status(forward)] Box<AuthError>),
    #[status(transparent)]
    Rejected(Rejection),
}

fn type_of(err: &ApiError) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(&err.body()).unwrap();
    body.get("type").map(|t| t.as_str().unwrap().to_owned())
}

fn main() {
    let invalid = ApiError::Auth(AuthError::InvalidToken);
    assert_eq!(type_of(&invalid).as_deref(), Some("/problems/invalid_token"));
    assert_eq!(invalid.problem().type_uri(), "/problems/invalid_token");
    let signing = ApiError::SignIn(Box::new(AuthError::InvalidToken));
    assert_eq!(type_of(&signing).as_deref(), Some("/problems/invalid_token"));
    let banned = ApiError::Auth(AuthError::Banned);
    assert_eq!(type_of(&banned).as_deref(), Some("/auth/problems/banned"));
    assert_eq!(type_of(&ApiError::Auth(AuthError::Malformed)), None);
    let rejected = ApiError::Rejected(Rejection::of(RejectionKind::InvalidJson));
    assert_eq!(type_of(&rejected).as_deref(), Some("/problems/invalid_json"));
    let documented: Vec<&str> = ApiError::table()
        .responses()
        .iter()
        .map(|row| row.type_uri())
        .collect();
    assert!(documented.contains(&"/problems/route_not_found"), "{documented:?}");
    assert!(documented.contains(&"/auth/problems/banned"), "{documented:?}");
}
