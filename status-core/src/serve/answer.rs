//! A framework's own error, answered: a [`Rejection`] or a plain problem of its status, with
//! the record of what was served and the log event, whatever the framework. Each framework
//! module turns an [`Answer`] into its own response type.

use http::StatusCode;

use crate::{ApiStatus, Problem, Rejection, Served};

/// The status, body and record of a framework's own error, as it is sent.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) body: Vec<u8>,
    /// The record: a rejection is a value of its own; a plain problem has none.
    pub(crate) served: Option<Served>,
}

impl Answer {
    /// The answer of `rejection`, logged by the [`LogPolicy`](crate::LogPolicy).
    pub(crate) fn rejection(rejection: Rejection) -> Self {
        crate::__log_error!(&rejection);
        Self {
            status: rejection.status(),
            body: rejection.body(),
            served: Some(Served::from_error(rejection)),
        }
    }

    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    /// The answer of a plain error response a framework made: the rejection its status and
    /// text stand for ([`Rejection::recognize`]), with the row's status or, under
    /// [`Statuses::Framework`](crate::Statuses::Framework), the one the framework answered with; else a problem of its
    /// status, with the text as the detail of a 4xx.
    pub(crate) fn framework(status: StatusCode, text: &[u8], statuses: crate::Statuses) -> Self {
        match Rejection::recognize(status, text) {
            Some(rejection) if statuses == crate::Statuses::Framework => {
                Self::rejection(rejection.with_status(status))
            }
            Some(rejection) => Self::rejection(rejection),
            None => Self::plain(status, text),
        }
    }

    /// A problem of `status` whose detail is `text` on a 4xx (a 5xx shows the registry's
    /// text), logged without a variant.
    pub(crate) fn plain(status: StatusCode, text: &[u8]) -> Self {
        let problem = Problem::from_framework_error(status, text);
        #[cfg(feature = "tracing")]
        crate::serve::log::emit(&crate::serve::log::Event {
            status,
            code: problem.code().unwrap_or_default(),
            variant: None,
            request: None,
            error: None,
        });
        Self {
            status,
            body: problem.to_json(),
            served: None,
        }
    }

    /// The answer as an `http` response with the body type `B`.
    #[cfg(any(feature = "axum", feature = "poem", feature = "warp"))]
    pub(crate) fn into_http<B: From<Vec<u8>>>(self) -> http::Response<B> {
        let mut response = http::Response::new(B::from(self.body));
        *response.status_mut() = self.status;
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static(crate::PROBLEM_JSON),
        );
        if let Some(served) = self.served {
            response.extensions_mut().insert(served);
        }
        response
    }
}

#[cfg(any(feature = "actix-web", feature = "poem", feature = "salvo"))]
/// Whether an error response of `status` is one the framework makes without a text to tell
/// it by: its router's unknown route, wrong method and body over the limit. With the
/// framework's statuses kept, these and the recognized rejections are the only error
/// responses rewritten; any other (a middleware's bare `401`) is left as it was.
pub(crate) fn is_router_error(status: StatusCode) -> bool {
    matches!(status.as_u16(), 404 | 405 | 413)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(answer: &Answer) -> serde_json::Value {
        serde_json::from_slice(&answer.body).unwrap()
    }

    #[test]
    fn a_plain_problem_hides_the_text_of_a_server_error() {
        let answer = Answer::plain(StatusCode::LENGTH_REQUIRED, b"say how long");
        assert_eq!(
            (answer.status.as_u16(), &json(&answer)["detail"]),
            (411, &"say how long".into())
        );
        assert!(answer.served.is_none());
        let answer = Answer::plain(StatusCode::INTERNAL_SERVER_ERROR, b"db.internal");
        assert!(!json(&answer).to_string().contains("db.internal"));
    }

    #[test]
    fn a_rejection_is_answered_with_its_record() {
        let answer = Answer::rejection(Rejection::of(crate::RejectionKind::JsonData));
        assert_eq!(answer.status, 422);
        let served = answer.served.unwrap();
        assert_eq!((served.code(), served.variant()), ("json_data", "JsonData"));
        assert!(served.value::<Rejection>().is_some());
    }

    #[cfg(any(feature = "axum", feature = "actix-web", feature = "poem"))]
    #[test]
    fn a_framework_text_keeps_its_status_where_asked() {
        let text = b"Json deserialize error: missing field `name` at line 1 column 2";
        let uniform = Answer::framework(StatusCode::BAD_REQUEST, text, crate::Statuses::Uniform);
        assert_eq!(
            (uniform.status.as_u16(), &json(&uniform)["code"]),
            (422, &"json_data".into())
        );
        let kept = Answer::framework(StatusCode::BAD_REQUEST, text, crate::Statuses::Framework);
        assert_eq!(
            (kept.status.as_u16(), &json(&kept)["code"]),
            (400, &"json_data".into())
        );
        assert_eq!(json(&kept)["title"], "Bad Request");
    }
}
