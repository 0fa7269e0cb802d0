use std::time::Duration;

use http::Method;
use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(401, www_authenticate = "Bearer realm=\"api\"")]
    Unauthorized,
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: Vec<Method>,
    },
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: Duration,
    },
    #[status(503)]
    Maintenance {
        #[status(retry_after)]
        until: Option<u32>,
    },
}

fn main() {
    assert_eq!(ApiError::Unauthorized.headers()["www-authenticate"], "Bearer realm=\"api\"");
    let err = ApiError::WrongMethod { allowed: vec![Method::GET, Method::HEAD] };
    assert_eq!(err.headers()["allow"], "GET, HEAD");
    let err = ApiError::Limited { wait: Duration::from_millis(2500) };
    assert_eq!(err.headers()["retry-after"], "3");
    assert!(ApiError::Maintenance { until: None }.headers().get("retry-after").is_none());
}
