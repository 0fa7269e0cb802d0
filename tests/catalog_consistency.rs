//! The derive's list of documented codes agrees with status-core's catalog: a variant on a
//! documented error code needs no description, and gets the catalog's texts.

use status_core::{ApiStatus, Status};

// Only the static table is read; no value is ever built.
#[allow(dead_code)]
#[derive(Debug, ApiStatus)]
enum EveryDocumentedError {
    #[status(400)]
    BadRequest,
    #[status(401, www_authenticate = "Bearer")]
    Unauthorized,
    #[status(403)]
    Forbidden,
    #[status(404)]
    NotFound,
    #[status(405, allow = "GET")]
    MethodNotAllowed,
    #[status(429)]
    TooManyRequests,
    #[status(500)]
    InternalServerError,
    #[status(502)]
    BadGateway,
    #[status(503)]
    ServiceUnavailable,
}

#[test]
fn every_documented_error_code_takes_its_texts_from_the_catalog() {
    let variants = EveryDocumentedError::table().variants();
    let documented: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| s.class().is_error())
        .collect();
    assert_eq!(variants.len(), documented.len());
    for (variant, status) in variants.iter().zip(documented) {
        assert_eq!(variant.status(), status.to_http());
        assert_eq!(variant.description(), status.description(), "{status}");
        assert_eq!(variant.detail(), status.description(), "{status}");
        assert_eq!(variant.code(), status.default_code(), "{status}");
        assert_eq!(variant.example().title(), Some(status.reason()), "{status}");
    }
}
