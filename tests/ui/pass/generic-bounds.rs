use std::fmt;
use std::time::Duration;

use serde::Serialize;
use status_core::ApiStatus;

/// Each parameter gets exactly the bound its use needs: `E` Serialize (an extension), `R`
/// RetryAfter, `M` AllowMethods, `Self` Display (`display`), and `X` none at all.
#[derive(Debug, ApiStatus)]
enum ApiError<E, R, M, X, const N: usize = 3> {
    #[status(400, display)]
    Invalid {
        #[status(extension)]
        errors: E,
        ignored: X,
    },
    #[status(429)]
    Limited {
        #[status(retry_after)]
        wait: R,
    },
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        allowed: M,
        history: [X; N],
    },
}

impl<E, R, M, X, const N: usize> fmt::Display for ApiError<E, R, M, X, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the request is invalid")
    }
}

#[derive(Debug)]
struct Opaque;

#[derive(Serialize, Debug)]
struct FieldErrors {
    name: &'static str,
}

type Error = ApiError<FieldErrors, Duration, &'static str, Opaque>;

fn main() {
    let err: Error = ApiError::Invalid { errors: FieldErrors { name: "required" }, ignored: Opaque };
    assert_eq!(err.detail(), "the request is invalid");
    assert_eq!(err.problem().extensions()["errors"]["name"], "required");
    let err: Error = ApiError::Limited { wait: Duration::from_secs(4) };
    assert_eq!(err.headers()["retry-after"], "4");
    let err: Error = ApiError::WrongMethod { allowed: "GET, HEAD", history: [Opaque, Opaque, Opaque] };
    assert_eq!(err.headers()["allow"], "GET, HEAD");
}
