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

use salvo_oapi::{Components, Operation, RefOr, Response};
use serde_json::Value;

use crate::openapi::{merge_response, status_responses, with_typed_members, TypedMembers};
use crate::{ApiStatus, Rejection};

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
    for (status, mut response) in json_responses::<T>(components) {
        if let Some(RefOr::Type(existing)) = operation.responses.get(&status) {
            if let Ok(mut existing) = serde_json::to_value(existing) {
                merge_response(&mut existing, &response);
                response = existing;
            }
        }
        if let Some(response) = from_json(response) {
            operation.responses.insert(status, response);
        }
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
