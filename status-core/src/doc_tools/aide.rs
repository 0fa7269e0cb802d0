//! aide integration (feature `aide`).
//!
//! With the feature on, every derived type implements [`aide::OperationOutput`](https://docs.rs/aide/0.15/aide/operation/trait.OperationOutput.html) with inferred
//! responses, so a handler that returns `Result<Json<T>, ApiError>` and is routed with
//! `ApiRouter::api_route` documents every error `ApiError` can produce, with no annotation:
//!
//! ```
//! use aide::OperationOutput;
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, ApiStatus)]
//! enum ApiError {
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//!     #[status(429)]
//!     RateLimited { #[status(retry_after)] seconds: u64 },
//! }
//!
//! // What aide collects for a handler returning `Result<_, ApiError>`:
//! let responses = aide::generate::in_context(|ctx| {
//!     ApiError::inferred_responses(ctx, &mut Default::default())
//! });
//! let statuses: Vec<Option<u16>> = responses.iter().map(|(status, _)| *status).collect();
//! assert_eq!(statuses, [Some(404), Some(429)]);
//! ```
//!
//! The responses are the ones [`openapi::responses`](crate::openapi::responses) builds: one per
//! status (aide keeps only the first response it infers for a status), with the Problem
//! Details schema inline.

use ::aide::openapi::{Operation, ReferenceOr, Response, StatusCode};
use ::aide::transform::TransformOpenApi;

use ::aide::generate::GenContext;
use schemars::SchemaGenerator;

use serde_json::Value;

use crate::openapi::{
    merge_response, operation_rejections, status_responses, violations_schema, with_typed_members,
    TypedMembers,
};
use crate::statuses::{RejectionStatuses, Uniform};
use crate::{ApiStatus, Rejection, Violations};

/// Every response `T` can produce, with its status, as [`openapi::responses`](crate::openapi::responses)
/// writes them: extension members take any value. The derived
/// [`OperationOutput::inferred_responses`](https://docs.rs/aide/0.15/aide/operation/trait.OperationOutput.html#method.inferred_responses)
/// returns the same responses with each member's schema from its field's type.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let responses = status_core::aide::inferred_responses::<Maintenance>();
/// assert_eq!(responses[0].0, Some(503));
/// assert!(responses[0].1.headers.contains_key("Retry-After"));
/// ```
#[must_use]
pub fn inferred_responses<T: ApiStatus>() -> Vec<(Option<u16>, Response)> {
    to_aide(status_responses(&T::table()))
}

/// aide's form of responses this crate wrote as JSON.
fn to_aide(
    responses: impl Iterator<Item = (http::StatusCode, serde_json::Value)>,
) -> Vec<(Option<u16>, Response)> {
    responses
        .map(|(status, response)| {
            // The same JSON every output documents; aide's types read all of it (a test
            // compares the two), so the default is never taken.
            let response = serde_json::from_value(response).unwrap_or_default();
            (Some(status.as_u16()), response)
        })
        .collect()
}

/// The response of a type's responses when they have one status; `None` for several, which no single response
/// describes.
fn the_only(mut responses: Vec<(Option<u16>, Response)>) -> Option<Response> {
    if responses.len() == 1 {
        responses.pop().map(|(_, response)| response)
    } else {
        None
    }
}

/// The response of `T` when it has a single status, for aide's
/// [`OperationOutput::operation_response`](https://docs.rs/aide/0.15/aide/operation/trait.OperationOutput.html#method.operation_response);
/// `None` when it has several, which no single response describes.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503)]
/// struct Maintenance;
///
/// assert!(status_core::aide::single_response::<Maintenance>().is_some());
/// ```
#[must_use]
pub fn single_response<T: ApiStatus>() -> Option<Response> {
    the_only(inferred_responses::<T>())
}

/// Documents, on each operation of the document, the [`Rejection`]s the framework answers
/// before its handler runs, by what the operation takes: a JSON or form body, path
/// parameters, a query. A transform for
/// [`ApiRouter::finish_api_with`](https://docs.rs/aide/0.15/aide/axum/struct.ApiRouter.html#method.finish_api_with),
/// for routers served with the [`problem_details`](https://docs.rs/status-core/0.1/status_core/axum/fn.problem_details.html) layer, which
/// answers them so. A status the operation already documents becomes one response for both,
/// as [`openapi::merge_responses`](crate::openapi::merge_responses) merges them.
///
/// It reads the document, not the handlers: an operation documents a body or parameter when
/// its extractor implements aide's `OperationInput`, as aide's `axum::Json`, `axum`'s `Json`,
/// `Path`, `Query` and `Form` do.
///
/// ```
/// use aide::axum::{routing::post, ApiRouter};
/// use aide::openapi::OpenApi;
/// use axum::Json;
///
/// async fn create(Json(user): Json<serde_json::Value>) -> String { user.to_string() }
///
/// let mut api = OpenApi::default();
/// let _app: axum::Router = ApiRouter::new()
///     .api_route("/users", post(create))
///     .finish_api_with(&mut api, status_core::aide::rejections);
/// let document = serde_json::to_value(&api).unwrap();
/// let responses = &document["paths"]["/users"]["post"]["responses"];
/// let examples = &responses["400"]["content"]["application/problem+json"]["examples"];
/// assert!(examples.get("invalid_json").is_some());
/// assert!(responses.get("415").is_some());
/// assert!(responses.get("422").is_some());
/// ```
pub fn rejections(mut api: TransformOpenApi<'_>) -> TransformOpenApi<'_> {
    let Some(paths) = api.inner_mut().paths.as_mut() else {
        return api;
    };
    for (template, path) in &mut paths.paths {
        let ReferenceOr::Item(path) = path else {
            continue;
        };
        let shared = serde_json::to_value(&path.parameters).unwrap_or_default();
        let operations = [
            &mut path.get,
            &mut path.put,
            &mut path.post,
            &mut path.delete,
            &mut path.options,
            &mut path.head,
            &mut path.patch,
            &mut path.trace,
        ];
        for operation in operations.into_iter().flatten() {
            // What the operation takes, read as every tool's document is
            // ([`openapi::add_rejections`](crate::openapi::add_rejections)).
            let read = serde_json::to_value(&*operation).unwrap_or_default();
            let added = operation_rejections(template, &read, &shared, Uniform::ROWS);
            merge_into(operation, added);
        }
    }
    api
}

/// Merges `added` into `operation`'s responses, each with one of its status already there, as
/// [`openapi::merge_responses`](crate::openapi::merge_responses) merges them. Only those
/// responses are read back: aide cannot read back every document it writes (a schema `true`,
/// `serde_json::Value`'s, fails).
fn merge_into(operation: &mut Operation, added: impl Iterator<Item = (http::StatusCode, Value)>) {
    let responses = operation.responses.get_or_insert_with(Default::default);
    for (status, added) in added {
        let status = StatusCode::Code(status.as_u16());
        match responses.responses.get_mut(&status) {
            Some(ReferenceOr::Item(existing)) => {
                let mut merged = serde_json::to_value(&*existing).unwrap_or_default();
                merge_response(&mut merged, &added);
                if let Ok(merged) = serde_json::from_value(merged) {
                    *existing = merged;
                }
            }
            // A response by reference is the author's own: left as written.
            Some(ReferenceOr::Reference { .. }) => {}
            None => {
                if let Ok(added) = serde_json::from_value(added) {
                    responses.responses.insert(status, ReferenceOr::Item(added));
                }
            }
        }
    }
    // In order of status, as every output lists them.
    responses.responses.sort_keys();
}

/// The schemas of a type's extension members, as schemars gives them for the fields' types:
/// what the derived impls add to the responses aide infers. Implemented by the derive.
#[doc(hidden)]
pub trait ExtensionSchemas {
    fn extension_schemas(generator: &mut SchemaGenerator, members: &mut TypedMembers);
}

impl<T: ExtensionSchemas> ExtensionSchemas for Box<T> {
    fn extension_schemas(generator: &mut SchemaGenerator, members: &mut TypedMembers) {
        T::extension_schemas(generator, members);
    }
}

impl<T: ExtensionSchemas> ExtensionSchemas for std::sync::Arc<T> {
    fn extension_schemas(generator: &mut SchemaGenerator, members: &mut TypedMembers) {
        T::extension_schemas(generator, members);
    }
}

/// Every framework error, for a handler that returns one.
impl ::aide::OperationOutput for Rejection {
    type Inner = Self;

    fn inferred_responses(ctx: &mut GenContext, _: &mut Operation) -> Vec<(Option<u16>, Response)> {
        typed_inferred_responses::<Self>(ctx)
    }
}

impl ExtensionSchemas for Rejection {
    fn extension_schemas(_: &mut SchemaGenerator, members: &mut TypedMembers) {
        members.push_json_data_errors();
    }
}

/// [`inferred_responses`] with each extension member's schema taken from its field's type
/// where it implements `schemars::JsonSchema`, and an example value of that type: what the
/// derived `OperationOutput::inferred_responses` returns.
#[doc(hidden)]
pub fn typed_inferred_responses<T: ApiStatus + ExtensionSchemas>(
    ctx: &mut GenContext,
) -> Vec<(Option<u16>, Response)> {
    let mut members = TypedMembers::default();
    T::extension_schemas(&mut ctx.schema, &mut members);
    let definitions = ctx.schema.definitions();
    let resolve = |target: &str| definitions.get(target.rsplit('/').next()?).cloned();
    to_aide(with_typed_members(
        status_responses(&T::table()),
        &members,
        &resolve,
    ))
}

/// [`single_response`], typed as [`typed_inferred_responses`] is.
#[doc(hidden)]
pub fn typed_single_response<T: ApiStatus + ExtensionSchemas>(
    ctx: &mut GenContext,
) -> Option<Response> {
    the_only(typed_inferred_responses::<T>(ctx))
}

/// The autoref probes the derived impls call: a field type's schema where it implements
/// `JsonSchema`, and a forwarded type's members where it implements [`ExtensionSchemas`].
#[doc(hidden)]
pub mod probe {
    use schemars::{JsonSchema, SchemaGenerator};
    use serde_json::Value;

    use super::ExtensionSchemas;
    use crate::openapi::SchemaProbe;
    use crate::openapi::TypedMembers;

    pub trait ViaJsonSchema {
        fn json_schema(&self, generator: &mut SchemaGenerator) -> Option<Value>;
    }

    impl<T: JsonSchema + ?Sized> ViaJsonSchema for &SchemaProbe<T> {
        fn json_schema(&self, generator: &mut SchemaGenerator) -> Option<Value> {
            Some(generator.subschema_for::<T>().to_value())
        }
    }

    pub trait NoJsonSchema {
        fn json_schema(&self, generator: &mut SchemaGenerator) -> Option<Value>;
    }

    impl<T: ?Sized> NoJsonSchema for SchemaProbe<T> {
        fn json_schema(&self, _: &mut SchemaGenerator) -> Option<Value> {
            None
        }
    }

    pub trait ViaAideMembers {
        fn aide_members(&self, generator: &mut SchemaGenerator, members: &mut TypedMembers);
    }

    impl<T: ExtensionSchemas + ?Sized> ViaAideMembers for &SchemaProbe<T> {
        fn aide_members(&self, generator: &mut SchemaGenerator, members: &mut TypedMembers) {
            T::extension_schemas(generator, members);
        }
    }

    pub trait NoAideMembers {
        fn aide_members(&self, generator: &mut SchemaGenerator, members: &mut TypedMembers);
    }

    impl<T: ?Sized> NoAideMembers for SchemaProbe<T> {
        fn aide_members(&self, _: &mut SchemaGenerator, _: &mut TypedMembers) {}
    }
}

/// The `errors` member's schema, as [`openapi::violations_schema`](crate::openapi::violations_schema)
/// writes it: an extension member of this type is documented with its items.
impl schemars::JsonSchema for Violations {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Violations")
    }

    // Inlined, as utoipa has it: a response's members are read without the components.
    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut SchemaGenerator) -> schemars::Schema {
        schemars::Schema::try_from(violations_schema()).unwrap_or_default()
    }
}

/// The request body aide's own `Json<T>` documents, `T`'s schema under `application/json`,
/// and the rejections of a JSON body (`invalid_json` and `unreadable_body` 400,
/// `content_too_large` 413, `missing_json_content_type` 415, `json_data` 422, as
/// [`rejections`] documents them), so that an `ApiRouter` handler taking
/// `status_core::axum::Json<T>` documents both with no transform. A status the handler's own
/// errors already document becomes one response for both.
///
/// ```
/// use aide::axum::{routing::post, ApiRouter};
/// use aide::openapi::OpenApi;
/// use status_core::axum::Json;
///
/// async fn signup(Json(signup): Json<serde_json::Value>) -> String { signup.to_string() }
///
/// let mut api = OpenApi::default();
/// let _app: axum::Router = ApiRouter::new()
///     .api_route("/signup", post(signup))
///     .finish_api(&mut api);
/// let document = serde_json::to_value(&api).unwrap();
/// let operation = &document["paths"]["/signup"]["post"];
/// assert!(operation["requestBody"]["content"].get("application/json").is_some());
/// for status in ["400", "413", "415", "422"] {
///     assert!(operation["responses"].get(status).is_some(), "{status}");
/// }
/// ```
#[cfg(feature = "axum")]
impl<T: schemars::JsonSchema> ::aide::OperationInput for crate::axum::Json<T> {
    fn operation_input(ctx: &mut GenContext, operation: &mut Operation) {
        <::axum::Json<T> as ::aide::OperationInput>::operation_input(ctx, operation);
    }

    // Merged in place, not returned: aide keeps the first response it infers for a status,
    // and the handler's own errors come first.
    fn inferred_early_responses(
        _: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<u16>, Response)> {
        add_json_body_rejections(operation);
        Vec::new()
    }
}

/// Adds the responses of a JSON body's rejections to `operation` ([`merge_into`]).
#[cfg(feature = "axum")]
fn add_json_body_rejections(operation: &mut Operation) {
    merge_into(
        operation,
        crate::openapi::rejection_responses(crate::RejectionKind::JSON_BODY, Uniform::ROWS),
    );
}

/// What aide's own `Json<T>` documents as a response: `T`'s schema under `application/json`.
///
/// ```
/// use aide::axum::{routing::get, ApiRouter};
/// use aide::openapi::OpenApi;
/// use status_core::axum::Json;
///
/// async fn count() -> Json<u32> { Json(7) }
///
/// let mut api = OpenApi::default();
/// let _app: axum::Router = ApiRouter::new().api_route("/count", get(count)).finish_api(&mut api);
/// let document = serde_json::to_value(&api).unwrap();
/// let ok = &document["paths"]["/count"]["get"]["responses"]["200"];
/// assert!(ok["content"].get("application/json").is_some());
/// ```
#[cfg(feature = "axum")]
impl<T: schemars::JsonSchema> ::aide::OperationOutput for crate::axum::Json<T> {
    type Inner = T;

    fn operation_response(ctx: &mut GenContext, operation: &mut Operation) -> Option<Response> {
        <::axum::Json<T> as ::aide::OperationOutput>::operation_response(ctx, operation)
    }

    fn inferred_responses(
        ctx: &mut GenContext,
        operation: &mut Operation,
    ) -> Vec<(Option<u16>, Response)> {
        <::axum::Json<T> as ::aide::OperationOutput>::inferred_responses(ctx, operation)
    }
}
