//! poem's pointer-exact JSON body extractor, `status_core::poem::Json`, and its limit.

use ::poem::error::ReadBodyError;
use ::poem::web::RequestBody;
use ::poem::{FromRequest, IntoResponse, Request, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::json_body::{check_headers, deserialize, DEFAULT_LIMIT};
use crate::statuses::Poem;
use crate::{Rejection, RejectionKind, Statuses};

/// poem's [`Json`](https://docs.rs/poem/3/poem/web/struct.Json.html) extractor, whose
/// failures are [`Rejection`]s: a `json_data` one names, in its `errors`, exactly where serde
/// failed (`#/items/1/qty`, or the field a struct lacks), where poem's own `Json` says only
/// what failed.
///
/// It takes `application/json` and `application/*+json` (else `missing_json_content_type`),
/// and reads the body up to a limit, 2 MiB unless the app's [`JsonLimit`] says otherwise
/// (else `content_too_large`). The limit needs no `Content-Length`: a chunked body is cut off
/// where it passes the limit, and a request without a body is not refused for its lack of
/// one, as poem's `SizeLimit` refuses it. Text that is not JSON is `invalid_json`, JSON of
/// another shape `json_data`. Each answers as Problem Details, with or without
/// [`ProblemDetails`](crate::poem::ProblemDetails); with `.data(Statuses::Framework)`, with
/// poem's statuses. As a response it is poem's `Json`.
///
/// poem-openapi operations take it too (every poem extractor is one there), but their
/// document shows no request body for it: poem-openapi documents only its own payload types,
/// and its `ApiExtractor` for every poem extractor leaves no room for one of this type.
///
/// ```
/// use poem::{handler, post, EndpointExt, Route};
/// use status_core::poem::{Json, JsonLimit, ProblemDetails};
///
/// #[derive(serde::Deserialize)]
/// struct Order { items: Vec<Item> }
///
/// #[derive(serde::Deserialize)]
/// struct Item { qty: u32 }
///
/// #[handler]
/// fn order(Json(order): Json<Order>) -> String {
///     format!("{} items", order.items.len())
/// }
///
/// let app = Route::new()
///     .at("/orders", post(order))
///     .data(JsonLimit(64 * 1024))
///     .with(ProblemDetails);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

json_value_access!("poem");

impl<'a, T: DeserializeOwned> FromRequest<'a> for Json<T> {
    async fn from_request(request: &'a Request, body: &mut RequestBody) -> ::poem::Result<Self> {
        let statuses = request.data::<Statuses>().copied().unwrap_or_default();
        let limit = request.data::<JsonLimit>().copied().unwrap_or_default().0;
        let rejected = |rejection: Rejection| rejection.in_statuses::<Poem>(statuses).into();
        check_headers(request.headers(), limit).map_err(rejected)?;
        // A body taken already is the handler's own mistake: poem's error stands.
        let bytes = body
            .take()?
            .into_bytes_limit(limit)
            .await
            .map_err(|error| {
                let kind = match error {
                    ReadBodyError::PayloadTooLarge => RejectionKind::ContentTooLarge,
                    _ => RejectionKind::UnreadableBody,
                };
                rejected(Rejection::new(kind, error.to_string()))
            })?;
        deserialize(&bytes).map(Self).map_err(rejected)
    }
}

impl<T: Serialize + Send> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::poem::web::Json(self.0).into_response()
    }
}

/// The most a [`Json`] body may hold, in bytes, as data of the app or of a route
/// (`.data(JsonLimit(n))`); without one, 2 MiB ([`JsonLimit::DEFAULT`]).
///
/// ```
/// use poem::{handler, post, EndpointExt, Route};
/// use status_core::poem::{Json, JsonLimit};
///
/// #[handler]
/// fn upload(Json(document): Json<serde_json::Value>) -> String {
///     document.to_string()
/// }
///
/// // Larger documents on this route only.
/// let app = Route::new().at("/documents", post(upload).data(JsonLimit(16 * 1024 * 1024)));
/// assert_eq!(JsonLimit::default(), JsonLimit::DEFAULT);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonLimit(pub usize);

impl JsonLimit {
    /// axum's and actix-web's default: 2 MiB.
    pub const DEFAULT: Self = Self(DEFAULT_LIMIT);
}

impl Default for JsonLimit {
    fn default() -> Self {
        Self::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PROBLEM_JSON;

    #[test]
    fn a_rejection_error_answers_as_its_problem() {
        let error: ::poem::Error = Rejection::of(RejectionKind::ContentTooLarge).into();
        let response = crate::poem::error_response(error);
        assert_eq!(response.status(), 413);
        assert_eq!(response.content_type(), Some(PROBLEM_JSON));
    }
}
