//! salvo's pointer-exact JSON body extractor, `status_core::salvo::Json`.

use ::salvo_core::extract::{Extractible, Metadata};
use ::salvo_core::http::ParseError;
use ::salvo_core::{Depot, Request};
use serde::de::DeserializeOwned;

use super::json_body::{check_headers, deserialize};
use crate::statuses::Salvo;
use crate::{Rejection, RejectionKind, Statuses};

/// salvo's [`JsonBody`](https://docs.rs/salvo/1/salvo/extract/struct.JsonBody.html)
/// extractor, whose failures are [`Rejection`]s: a `json_data` one names, in its `errors`,
/// exactly where serde failed (`#/items/1/qty`, or the field a struct lacks), where
/// `JsonBody` says only what failed (and reads an empty body as `null`).
///
/// It takes `application/json` and `application/*+json` (else `missing_json_content_type`)
/// and reads the body under salvo's own limit, as `JsonBody` does: 64 KiB unless a
/// [`SecureMaxSize`](https://docs.rs/salvo/1/salvo/http/request/struct.SecureMaxSize.html)
/// hoop or `set_global_secure_max_size` says otherwise (else `content_too_large`, with or
/// without `Content-Length`). Text that is not JSON is `invalid_json`, JSON of another shape
/// `json_data`. Each is written as Problem Details by the handler itself, so the catcher's
/// [`ProblemDetails`](crate::salvo::ProblemDetails) passes it as it is; with
/// `.hoop(Statuses::Framework)` on the service, it has salvo's status. With salvo-oapi, an
/// `#[endpoint]` taking it documents its request body and those rejections.
///
/// ```
/// use salvo_core::prelude::*;
/// use status_core::salvo::Json;
///
/// #[derive(serde::Deserialize)]
/// struct Order { items: Vec<Item> }
///
/// #[derive(serde::Deserialize)]
/// struct Item { qty: u32 }
///
/// #[handler]
/// async fn order(body: Json<Order>) -> String {
///     format!("{} items", body.items.len())
/// }
///
/// let router = Router::with_path("orders").post(order);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

json_value_access!("salvo");

impl<'ex, T: DeserializeOwned + Send> Extractible<'ex> for Json<T> {
    fn metadata() -> &'static Metadata {
        // Read from the body alone: no field of a request struct names it.
        static METADATA: Metadata = Metadata::new("");
        &METADATA
    }

    #[allow(refining_impl_trait)] // salvo's own extractors name their error type too
    async fn extract(request: &'ex mut Request, depot: &'ex mut Depot) -> Result<Self, Rejection> {
        let statuses = depot.get_typed::<Statuses>().copied().unwrap_or_default();
        read(request)
            .await
            .map(Self)
            .map_err(|rejection| rejection.in_statuses::<Salvo>(statuses))
    }
}

async fn read<T: DeserializeOwned>(request: &mut Request) -> Result<T, Rejection> {
    check_headers(request.headers(), request.secure_max_size())?;
    let body = request.payload().await.map_err(|error| {
        let kind = match error {
            ParseError::PayloadTooLarge => RejectionKind::ContentTooLarge,
            _ => RejectionKind::UnreadableBody,
        };
        Rejection::new(kind, error.to_string())
    })?;
    deserialize(body)
}
