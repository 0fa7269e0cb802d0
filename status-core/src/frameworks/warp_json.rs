//! warp's pointer-exact JSON body filters, `status_core::warp::json` and `json_with_limit`.

use std::future::poll_fn;
use std::pin::pin;

use ::warp::{Buf, Filter};
use futures_core::Stream;
use http::HeaderMap;
use serde::de::DeserializeOwned;

use super::json_body::{check_headers, deserialize, DEFAULT_LIMIT};
use crate::{Rejection, RejectionKind};

/// A filter that extracts a JSON body as a `T`, as
/// [`warp::body::json`](https://docs.rs/warp/0.4/warp/filters/body/fn.json.html) does, but
/// whose rejections are [`Rejection`]s that [`recover`](crate::warp::recover) answers: a
/// `json_data` one names, in its `errors`, exactly where serde failed (`#/items/1/qty`, or
/// the field a struct lacks), where warp's says only what failed.
///
/// It takes `application/json` and `application/*+json` (else `missing_json_content_type`),
/// and reads at most 2 MiB ([`json_with_limit`] for another limit; else `content_too_large`).
/// The limit needs no `Content-Length`: a chunked body is cut off where it passes it, where
/// warp's `content_length_limit` rejects every request without the header (`411`). Text that
/// is not JSON is `invalid_json`, JSON of another shape `json_data`; with
/// [`recover_with`](crate::warp::recover_with)`(Statuses::Framework)`, with warp's statuses.
///
/// ```
/// use warp::Filter;
///
/// #[derive(serde::Deserialize)]
/// struct Order { items: Vec<Item> }
///
/// #[derive(serde::Deserialize)]
/// struct Item { qty: u32 }
///
/// let orders = warp::path!("orders")
///     .and(warp::post())
///     .and(status_core::warp::json())
///     .map(|order: Order| format!("{} items", order.items.len()))
///     .recover(status_core::warp::recover);
/// ```
#[must_use]
pub fn json<T: DeserializeOwned + Send>(
) -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Copy {
    json_with_limit(DEFAULT_LIMIT)
}

/// [`json`], reading at most `limit` bytes of body.
///
/// ```
/// use warp::Filter;
///
/// let notes = warp::path!("notes")
///     .and(status_core::warp::json_with_limit(64 * 1024))
///     .map(|note: serde_json::Value| note.to_string());
/// ```
#[must_use]
pub fn json_with_limit<T: DeserializeOwned + Send>(
    limit: usize,
) -> impl Filter<Extract = (T,), Error = ::warp::Rejection> + Copy {
    ::warp::header::headers_cloned()
        .and_then(move |headers: HeaderMap| async move {
            check_headers(&headers, limit).map_err(rejected)
        })
        .untuple_one()
        .and(::warp::body::stream())
        .and_then(move |body| async move {
            let bytes = read_limited(body, limit).await?;
            deserialize(&bytes).map_err(rejected)
        })
}

/// A rejection of [`json`], as warp carries it to the service's recover; not a
/// `ProblemRejection`, so that `recover_with` can answer it with warp's status.
#[derive(Debug)]
pub(crate) struct JsonRejected(pub(crate) Rejection);

impl ::warp::reject::Reject for JsonRejected {}

fn rejected(rejection: Rejection) -> ::warp::Rejection {
    ::warp::reject::custom(JsonRejected(rejection))
}

/// The whole of `body`, or `content_too_large` as soon as it holds more than `limit` bytes.
async fn read_limited<B: Buf>(
    body: impl Stream<Item = Result<B, ::warp::Error>>,
    limit: usize,
) -> Result<Vec<u8>, ::warp::Rejection> {
    let mut body = pin!(body);
    let mut bytes = Vec::new();
    while let Some(chunk) = poll_fn(|cx| body.as_mut().poll_next(cx)).await {
        let mut chunk = chunk.map_err(|error| {
            rejected(Rejection::new(
                RejectionKind::UnreadableBody,
                error.to_string(),
            ))
        })?;
        if bytes.len() + chunk.remaining() > limit {
            return Err(rejected(Rejection::of(RejectionKind::ContentTooLarge)));
        }
        while chunk.has_remaining() {
            let part = chunk.chunk();
            bytes.extend_from_slice(part);
            let read = part.len();
            chunk.advance(read);
        }
    }
    Ok(bytes)
}
