//! Bodies the derive spells at compile time, for variants whose body no field changes: each
//! must be, byte for byte, what `problem()` serializes to, and the axum and actix-web
//! responses must send it as it is, without copying it.

use status_core::ApiStatus;

/// Every way a variant's body can be fixed, and every way it can depend on a field.
#[derive(Debug, ApiStatus)]
#[allow(dead_code)]
enum ApiError {
    #[status(400)]
    BadRequest,
    #[status(401, www_authenticate = "Bearer")]
    Unauthorized,
    #[status(403, message = "say \"please\" \\ or\n{{not}} é")]
    Escaped,
    /// A doc comment is the detail of a 4xx.
    #[status(404)]
    Documented,
    /// A doc comment is never the detail of a 5xx.
    #[status(500)]
    Internal,
    #[status(502)]
    BadGateway,
    #[status(503)]
    Unavailable,
    #[status(
        429,
        type = "/problems/slow",
        title = "Slow \"down\"",
        message = "wait"
    )]
    OwnTitle,
    #[status(
        409,
        title = "Conflict",
        description = "Edited meanwhile.",
        type = "https://api.example.com/problems/edited"
    )]
    RegisteredWithTitle,
    /// A registered status takes the registry's reason and text.
    #[status(451, description = "Blocked in your country.")]
    Registered,
    #[status(429, message = "try later")]
    FieldsNotShown(String, #[status(retry_after)] u64),
    #[status(transparent)]
    Inner(Inner),

    #[status(499, description = "The client closed the request.")]
    UnregisteredWithoutTitle,
    #[status(404, message = "user {id} not found")]
    Template { id: u64 },
    #[status(400)]
    Extension {
        #[status(extension)]
        field: &'static str,
    },
}

#[derive(Debug, ApiStatus)]
#[status(type_base = "https://api.example.com/problems/")]
enum Inner {
    #[status(405, allow = "GET")]
    WrongMethod,
}

fn fixed() -> Vec<ApiError> {
    vec![
        ApiError::BadRequest,
        ApiError::Unauthorized,
        ApiError::Escaped,
        ApiError::Documented,
        ApiError::Internal,
        ApiError::BadGateway,
        ApiError::Unavailable,
        ApiError::OwnTitle,
        ApiError::RegisteredWithTitle,
        ApiError::Registered,
        ApiError::FieldsNotShown("hidden".into(), 30),
        ApiError::Inner(Inner::WrongMethod),
    ]
}

fn changing() -> Vec<ApiError> {
    vec![
        ApiError::UnregisteredWithoutTitle,
        ApiError::Template { id: 7 },
        ApiError::Extension { field: "name" },
    ]
}

#[test]
fn a_static_body_is_what_problem_serializes_to() {
    for err in fixed() {
        let body = err.variant().static_body();
        assert_eq!(
            body.map(String::from_utf8_lossy),
            Some(String::from_utf8_lossy(&err.problem().to_json())),
            "{err:?}"
        );
        assert_eq!(body, Some(&*err.body()), "{err:?}");
    }
}

#[test]
fn the_static_bodies_read_as_a_client_sees_them() {
    let body = |err: ApiError| String::from_utf8(err.body()).unwrap();
    assert_eq!(
        body(ApiError::Escaped),
        r#"{"title":"Forbidden","status":403,"detail":"say \"please\" \\ or\n{not} é","code":"escaped"}"#
    );
    assert_eq!(
        body(ApiError::Documented),
        r#"{"title":"Not Found","status":404,"detail":"A doc comment is the detail of a 4xx.","code":"documented"}"#
    );
    assert_eq!(
        body(ApiError::Internal),
        r#"{"title":"Internal Server Error","status":500,"detail":"The server encountered an unexpected condition that prevented it from fulfilling the request.","code":"internal_server_error"}"#
    );
    assert_eq!(
        body(ApiError::RegisteredWithTitle),
        r#"{"type":"https://api.example.com/problems/edited","title":"Conflict","status":409,"detail":"Edited meanwhile.","code":"registered_with_title"}"#
    );
    assert_eq!(
        body(ApiError::Registered),
        r#"{"title":"Unavailable For Legal Reasons","status":451,"detail":"Blocked in your country.","code":"registered"}"#
    );
    assert_eq!(
        body(ApiError::Inner(Inner::WrongMethod)),
        r#"{"type":"https://api.example.com/problems/wrong_method","title":"Method Not Allowed","status":405,"detail":"The HTTP method used is not allowed for the requested resource.","code":"wrong_method"}"#
    );
}

#[test]
fn a_body_that_depends_on_a_field_or_an_unregistered_status_is_written_each_time() {
    for err in changing() {
        assert_eq!(err.variant().static_body(), None, "{err:?}");
    }
}

#[cfg(feature = "axum")]
#[test]
fn axum_sends_the_static_body_without_copying_it() {
    use axum::body::HttpBody;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    let body_of = |err: &ApiError| {
        let response = status_core::axum::response(err);
        let mut body = pin!(response.into_body());
        let mut cx = Context::from_waker(Waker::noop());
        let Poll::Ready(Some(Ok(frame))) = body.as_mut().poll_frame(&mut cx) else {
            panic!("a whole body is ready at once");
        };
        frame.into_data().unwrap()
    };
    for err in fixed() {
        let sent = body_of(&err);
        let fixed = err.variant().static_body().unwrap();
        assert_eq!(sent.as_ptr(), fixed.as_ptr(), "{err:?} was copied");
        assert_eq!(sent.len(), fixed.len());
    }
    let written = body_of(&ApiError::Template { id: 7 });
    assert_eq!(&written[..], &*ApiError::Template { id: 7 }.body());
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_sends_the_static_body_without_copying_it() {
    use actix_web::body::MessageBody;

    let body_of =
        |response: actix_web::HttpResponse| response.into_body().try_into_bytes().unwrap();
    for err in fixed() {
        let fixed = err.variant().static_body().unwrap();
        let sent = body_of(status_core::actix::response(&err));
        assert_eq!(sent.as_ptr(), fixed.as_ptr(), "{err:?} was copied");
        // The error actix-web keeps, asked for its response more than once.
        let error = status_core::actix::ProblemError::new(&err);
        for _ in 0..2 {
            let sent = body_of(actix_web::ResponseError::error_response(&error));
            assert_eq!(sent.as_ptr(), fixed.as_ptr(), "{err:?} was copied");
        }
    }
}
