use std::borrow::Cow;
use std::sync::Arc;

use status_core::ApiStatus;

const REALM: &str = "Basic realm=\"api\"";

mod methods {
    pub const READ_ONLY: &str = "GET, HEAD";
}

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(401, www_authenticate = REALM)]
    Unauthorized,
    #[status(405, allow = methods::READ_ONLY)]
    ReadOnly,
    #[status(401)]
    Expired {
        #[status(www_authenticate)]
        challenge: String,
    },
    #[status(401)]
    Static(#[status(www_authenticate)] &'static str),
    #[status(401)]
    Cow(#[status(www_authenticate)] Cow<'static, str>),
    #[status(401)]
    Boxed(#[status(www_authenticate)] Box<str>),
    #[status(401)]
    Shared(#[status(www_authenticate)] Arc<str>),
    #[status(401)]
    Value(#[status(www_authenticate)] http::HeaderValue),
}

fn main() {
    assert_eq!(ApiError::Unauthorized.headers()["www-authenticate"], REALM);
    assert_eq!(ApiError::ReadOnly.headers()["allow"], "GET, HEAD");
    let err = ApiError::Expired { challenge: "Bearer error=\"invalid_token\"".to_owned() };
    assert_eq!(err.headers()["www-authenticate"], "Bearer error=\"invalid_token\"");
    assert_eq!(ApiError::Static("Bearer").headers()["www-authenticate"], "Bearer");
    assert_eq!(ApiError::Cow(Cow::Borrowed("Bearer")).headers()["www-authenticate"], "Bearer");
    assert_eq!(ApiError::Boxed("Bearer".into()).headers()["www-authenticate"], "Bearer");
    assert_eq!(ApiError::Shared("Bearer".into()).headers()["www-authenticate"], "Bearer");
    let value = http::HeaderValue::from_static("Bearer");
    assert_eq!(ApiError::Value(value).headers()["www-authenticate"], "Bearer");
    // A value a header cannot carry is left out, not sent malformed.
    let err = ApiError::Expired { challenge: "Bearer\r\nSet-Cookie: a=b".to_owned() };
    assert!(err.headers().get("www-authenticate").is_none());
}
