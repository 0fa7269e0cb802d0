//! salvo-oapi integration (feature `salvo-oapi`).
//!
//! With the feature on, every derived type implements salvo-oapi's
//! [`EndpointOutRegister`](https://docs.rs/salvo-oapi/1/salvo_oapi/endpoint/trait.EndpointOutRegister.html),
//! so an `#[endpoint]` that returns it, or a `Result` of it, documents every error it can
//! answer: one response per status, each variant a named example and a schema of its own.
//!
//! ```
//! use salvo_oapi::{Components, EndpointOutRegister, Operation};
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
//! // What `#[endpoint] async fn user() -> Result<String, ApiError>` registers:
//! let mut operation = Operation::new();
//! <Result<String, ApiError>>::register(&mut Components::new(), &mut operation);
//! let statuses: Vec<&String> = operation.responses.keys().collect();
//! assert_eq!(statuses, ["200", "404", "429"]);
//! ```
//!
//! The responses are the ones [`openapi::responses`](crate::openapi::responses) builds, but
//! that each extension member's schema is its field type's `salvo_oapi::ToSchema`, where it
//! has one (a schema it names is registered in the document's components), with an example
//! value of that type. A status another output already documents on the operation is merged
//! with it ([`openapi::merge_responses`](crate::openapi::merge_responses)), not replaced.

use salvo_oapi::{Components, OpenApi, Operation, RefOr, Response};
use serde_json::Value;

use crate::openapi::{
    merge_response, operation_rejections, status_responses, violations_schema, with_typed_members,
    TypedMembers,
};
use crate::statuses::{RejectionStatuses, Uniform};
use crate::{ApiStatus, Rejection, Violations};

/// Every response `T` can produce, keyed by status, as salvo-oapi's
/// [`Response`](https://docs.rs/salvo-oapi/1/salvo_oapi/struct.Response.html)s: what the
/// derived `EndpointOutRegister` adds to an operation, given the components to register the
/// extension members' schemas in.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let mut components = salvo_oapi::Components::new();
/// let responses = status_core::salvo_oapi::responses::<Maintenance>(&mut components);
/// assert_eq!(responses[0].0, "503");
/// assert!(responses[0].1.headers.contains_key("Retry-After"));
/// ```
#[must_use]
pub fn responses<T: ApiStatus + ExtensionSchemas>(
    components: &mut Components,
) -> Vec<(String, Response)> {
    json_responses::<T>(components)
        .into_iter()
        .filter_map(|(status, response)| Some((status, from_json(response)?)))
        .collect()
}

/// The responses of `T` as JSON, each extension member typed where its field has a schema.
fn json_responses<T: ApiStatus + ExtensionSchemas>(
    components: &mut Components,
) -> Vec<(String, Value)> {
    let mut members = TypedMembers::default();
    T::extension_schemas(components, &mut members);
    let schemas = serde_json::to_value(&components.schemas).unwrap_or_default();
    let resolve = |target: &str| {
        let name = target.strip_prefix("#/components/schemas/")?;
        schemas.get(name).cloned()
    };
    with_typed_members(status_responses(&T::table()), &members, &resolve)
        .map(|(status, response)| (status.as_str().to_owned(), response))
        .collect()
}

/// salvo-oapi's form of a response this crate wrote as JSON; its types read all of it (a
/// test compares the two).
fn from_json(response: Value) -> Option<Response> {
    serde_json::from_value(response).ok()
}

/// Adds the responses of `T` to `operation`, each merged with one of its status already
/// there: what the derived `EndpointOutRegister` does.
#[doc(hidden)]
pub fn register<T: ApiStatus + ExtensionSchemas>(
    components: &mut Components,
    operation: &mut Operation,
) {
    for (status, response) in json_responses::<T>(components) {
        merge_into(operation, &status, response);
    }
}

/// salvo-oapi's document `openapi` with, on each operation, the [`Rejection`]s the
/// [`ProblemDetails`](crate::salvo::ProblemDetails) catcher answers before its handler runs,
/// by what the operation takes: a JSON or form body, path and query parameters
/// ([`openapi::add_rejections`](crate::openapi::add_rejections)). What utoipa's `Merged` and
/// aide's `rejections` give. A document that cannot be read back is returned as it was.
///
/// ```
/// use salvo_core::prelude::*;
/// use salvo_oapi::extract::PathParam;
/// use salvo_oapi::{endpoint, OpenApi};
///
/// #[endpoint]
/// async fn user(id: PathParam<u64>) -> String {
///     id.to_string()
/// }
///
/// let router = Router::with_path("users/{id}").get(user);
/// let document = status_core::salvo_oapi::with_rejections(
///     OpenApi::new("Users", "1.0").merge_router(&router),
/// );
/// let document = serde_json::to_value(&document).unwrap();
/// let bad_request = &document["paths"]["/users/{id}"]["get"]["responses"]["400"];
/// let examples = &bad_request["content"]["application/problem+json"]["examples"];
/// assert!(examples.get("invalid_path").is_some());
/// ```
#[must_use]
pub fn with_rejections(openapi: OpenApi) -> OpenApi {
    with_rejections_in::<Uniform>(openapi)
}

/// [`with_rejections`] with the statuses one framework gives its own errors, for a service
/// that keeps them ([`Statuses::Framework`](crate::Statuses::Framework)):
/// `with_rejections_in::<statuses::Salvo>(openapi)`.
#[must_use]
pub fn with_rejections_in<S: RejectionStatuses>(mut openapi: OpenApi) -> OpenApi {
    for (template, path) in openapi.paths.iter_mut() {
        let shared = serde_json::to_value(&path.parameters).unwrap_or_default();
        for operation in path.operations.0.values_mut() {
            // What the operation takes, read as every tool's document is
            // ([`openapi::add_rejections`](crate::openapi::add_rejections)); only the
            // responses merged are read back into salvo-oapi's types.
            let read = serde_json::to_value(&*operation).unwrap_or_default();
            for (status, added) in operation_rejections(template, &read, &shared, S::ROWS) {
                merge_into(operation, status.as_str(), added);
            }
        }
    }
    openapi
}

/// Adds `response` to `operation` under `status`, merged with one already there; a response
/// by reference is the author's own, and stays as written.
fn merge_into(operation: &mut Operation, status: &str, mut response: Value) {
    match operation.responses.get(status) {
        Some(RefOr::Type(existing)) => {
            if let Ok(mut existing) = serde_json::to_value(existing) {
                merge_response(&mut existing, &response);
                response = existing;
            }
        }
        Some(RefOr::Ref(_)) => return,
        None => {}
    }
    if let Some(response) = from_json(response) {
        operation.responses.insert(status, response);
    }
}

/// The schemas of a type's extension members, as salvo-oapi gives them for the fields'
/// types: what the derived `EndpointOutRegister` adds to the responses. Implemented by the
/// derive.
#[doc(hidden)]
pub trait ExtensionSchemas {
    fn extension_schemas(components: &mut Components, members: &mut TypedMembers);
}

impl<T: ExtensionSchemas> ExtensionSchemas for Box<T> {
    fn extension_schemas(components: &mut Components, members: &mut TypedMembers) {
        T::extension_schemas(components, members);
    }
}

impl<T: ExtensionSchemas> ExtensionSchemas for std::sync::Arc<T> {
    fn extension_schemas(components: &mut Components, members: &mut TypedMembers) {
        T::extension_schemas(components, members);
    }
}

impl ExtensionSchemas for Rejection {
    fn extension_schemas(_: &mut Components, members: &mut TypedMembers) {
        members.push_json_data_errors();
    }
}

/// Every error the framework answers by itself, documented on an operation that returns it.
impl salvo_oapi::EndpointOutRegister for Rejection {
    fn register(components: &mut Components, operation: &mut Operation) {
        register::<Self>(components, operation);
    }
}

/// The `errors` member's schema, as [`openapi::violations_schema`](crate::openapi::violations_schema)
/// writes it, inline: an extension member of this type is documented with its items.
///
/// ```
/// use salvo_oapi::ToSchema;
///
/// let schema = status_core::Violations::to_schema(&mut salvo_oapi::Components::new());
/// let schema = serde_json::to_value(schema).unwrap();
/// assert_eq!(schema["items"]["required"], serde_json::json!(["detail", "pointer"]));
/// ```
impl salvo_oapi::ToSchema for Violations {
    fn to_schema(_: &mut Components) -> RefOr<salvo_oapi::schema::Schema> {
        RefOr::Type(serde_json::from_value(violations_schema()).unwrap_or_default())
    }
}

/// The autoref probes the derived impls call: a field type's schema where it implements
/// salvo-oapi's `ToSchema`, and a forwarded type's members where it implements
/// [`ExtensionSchemas`].
#[doc(hidden)]
pub mod probe {
    use salvo_oapi::{Components, ToSchema};
    use serde_json::Value;

    use super::ExtensionSchemas;
    use crate::openapi::SchemaProbe;
    use crate::openapi::TypedMembers;

    pub trait ViaSalvoSchema {
        fn salvo_schema(&self, components: &mut Components) -> Option<Value>;
    }

    impl<T: ToSchema> ViaSalvoSchema for &SchemaProbe<T> {
        fn salvo_schema(&self, components: &mut Components) -> Option<Value> {
            serde_json::to_value(T::to_schema(components)).ok()
        }
    }

    pub trait NoSalvoSchema {
        fn salvo_schema(&self, components: &mut Components) -> Option<Value>;
    }

    impl<T: ?Sized> NoSalvoSchema for SchemaProbe<T> {
        fn salvo_schema(&self, _: &mut Components) -> Option<Value> {
            None
        }
    }

    pub trait ViaSalvoMembers {
        fn salvo_members(&self, components: &mut Components, members: &mut TypedMembers);
    }

    impl<T: ExtensionSchemas + ?Sized> ViaSalvoMembers for &SchemaProbe<T> {
        fn salvo_members(&self, components: &mut Components, members: &mut TypedMembers) {
            T::extension_schemas(components, members);
        }
    }

    pub trait NoSalvoMembers {
        fn salvo_members(&self, components: &mut Components, members: &mut TypedMembers);
    }

    impl<T: ?Sized> NoSalvoMembers for SchemaProbe<T> {
        fn salvo_members(&self, _: &mut Components, _: &mut TypedMembers) {}
    }
}

/// Derived types implement salvo-oapi's `EndpointOutRegister`, with their extension members
/// typed through the probes.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_salvo_oapi {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]
        [$(($status:literal, $code:literal, $member:literal, $field:ty)),*] [$($forwarded:ty),*]
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::salvo_oapi::EndpointOutRegister for $($ty)* $($where_clause)* {
            fn register(
                __components: &mut $crate::__private::salvo_oapi::Components,
                __operation: &mut $crate::__private::salvo_oapi::Operation,
            ) {
                $crate::salvo_oapi::register::<Self>(__components, __operation);
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* $crate::salvo_oapi::ExtensionSchemas for $($ty)* $($where_clause)* {
            #[allow(unused_variables)]
            fn extension_schemas(
                __components: &mut $crate::__private::salvo_oapi::Components,
                __members: &mut $crate::__private::TypedMembers,
            ) {
                #[allow(unused_imports)]
                use $crate::salvo_oapi::probe::{
                    NoSalvoMembers as _, NoSalvoSchema as _, ViaSalvoMembers as _, ViaSalvoSchema as _,
                };
                $(
                    __members.push(
                        $status,
                        $code,
                        $member,
                        (&&$crate::__private::SchemaProbe::<$field>::new()).salvo_schema(__components),
                    );
                )*
                $(
                    (&&$crate::__private::SchemaProbe::<$forwarded>::new())
                        .salvo_members(__components, __members);
                )*
            }
        }
    };
}

/// `status_core::salvo::Json` in an `#[endpoint]` documents the request body salvo-oapi's
/// `JsonBody<T>` does, `T`'s schema under `application/json`, and the rejections it answers
/// (`invalid_json` and `unreadable_body` 400, `content_too_large` 413,
/// `missing_json_content_type` 415, `json_data` 422), each merged with a response of its
/// status already there.
///
/// ```
/// use salvo_core::prelude::*;
/// use salvo_oapi::{endpoint, OpenApi};
/// use status_core::salvo::Json;
///
/// #[endpoint]
/// async fn note(body: Json<String>) -> String {
///     body.into_inner()
/// }
///
/// let router = Router::with_path("notes").post(note);
/// let document = serde_json::to_value(OpenApi::new("Notes", "1.0").merge_router(&router)).unwrap();
/// let operation = &document["paths"]["/notes"]["post"];
/// assert!(operation["requestBody"]["content"].get("application/json").is_some());
/// for status in ["400", "413", "415", "422"] {
///     assert!(operation["responses"].get(status).is_some(), "{status}");
/// }
/// ```
impl<T> salvo_oapi::EndpointArgRegister for crate::salvo::Json<T>
where
    T: serde::de::DeserializeOwned + salvo_oapi::ToSchema,
{
    fn register(components: &mut Components, operation: &mut Operation, arg: &str) {
        <salvo_oapi::extract::JsonBody<T> as salvo_oapi::EndpointArgRegister>::register(
            components, operation, arg,
        );
        let rows = <crate::statuses::Uniform as crate::statuses::RejectionStatuses>::ROWS;
        let rejections = crate::openapi::rejection_responses(crate::RejectionKind::JSON_BODY, rows)
            .map(|(status, response)| (status.as_str().to_owned(), response))
            .collect();
        let Ok(mut responses) = serde_json::to_value(&operation.responses) else {
            return;
        };
        crate::openapi::merge_responses(&mut responses, &Value::Object(rejections));
        if let Ok(responses) = serde_json::from_value(responses) {
            operation.responses = responses;
        }
    }
}
