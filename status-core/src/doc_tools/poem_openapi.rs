//! poem-openapi integration (feature `poem-openapi`): derived types document their responses
//! in poem-openapi's document, one per status.
//!
//! With the feature on, every derived type implements
//! [`poem_openapi::ApiResponse`](https://docs.rs/poem-openapi/5/poem_openapi/trait.ApiResponse.html),
//! so an `#[oai]` operation returning `Result<T, ApiError>` documents every error `ApiError`
//! can produce, with no annotation (poem-openapi also needs the error to convert into
//! `poem::Error`, which a derived type that is a `std::error::Error` does; see
//! [`status_core::poem`](crate::poem)):
//!
//! ```
//! use poem_openapi::payload::PlainText;
//! use poem_openapi::{OpenApi, OpenApiService};
//! use status_core::ApiStatus;
//!
//! #[derive(Debug, thiserror::Error, ApiStatus)]
//! enum ApiError {
//!     #[error("user {id} not found")]
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//!     #[error("slow down")]
//!     #[status(429)]
//!     RateLimited { #[status(retry_after)] seconds: u64 },
//! }
//!
//! struct Api;
//!
//! #[OpenApi]
//! impl Api {
//!     #[oai(path = "/users/:id", method = "get")]
//!     async fn user(&self) -> Result<PlainText<String>, ApiError> {
//!         Err(ApiError::UserNotFound { id: 7 })
//!     }
//! }
//!
//! let spec: serde_json::Value =
//!     serde_json::from_str(&OpenApiService::new(Api, "Users", "1.0").spec()).unwrap();
//! let responses = &spec["paths"]["/users/{id}"]["get"]["responses"];
//! assert!(responses.get("404").is_some());
//! assert_eq!(responses["429"]["headers"]["Retry-After"]["schema"]["type"], "integer");
//! ```
//!
//! The responses are the ones [`openapi::responses`](crate::openapi::responses) builds, in
//! the OpenAPI 3.0 that poem-openapi writes. poem-openapi's media type has a schema and no
//! `examples`, so each variant's named example moves into its schema (the `oneOf` branch of
//! its code): the name is the branch's `title`, the summary its `description`, the value its
//! `example`. A header's example moves into the header's schema likewise, and a header has no
//! `style` (its default, `simple`, stands).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, PoisonError};

use ::poem::error::MethodNotAllowedError;
use ::poem::http::{HeaderValue, Method};
use ::poem::{Endpoint, IntoResponse, Middleware, Request, Response};

use ::poem_openapi::registry::{
    MetaHeader, MetaMediaType, MetaResponse, MetaResponses, MetaSchema, MetaSchemaRef, Registry,
};
use serde_json::{Map, Value};

use crate::frameworks::poem::{allow_value, method_not_allowed};
use crate::openapi::{
    add_rejections_as, status_responses, violations_schema, with_typed_members, TypedMembers,
};
use crate::statuses::{RejectionStatuses, Uniform};
use crate::{ApiStatus, Rejection, Violations};

/// Every response `T` can produce, one per status, as
/// [`openapi::responses`](crate::openapi::responses) writes them, in poem-openapi's types:
/// extension members take any value. The derived `ApiResponse::meta` returns the same
/// responses with each member's schema from its field's type.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let responses = status_core::poem_openapi::responses::<Maintenance>();
/// assert_eq!(responses.responses[0].status, Some(503));
/// assert_eq!(responses.responses[0].headers[0].name, "Retry-After");
/// ```
#[must_use]
pub fn responses<T: ApiStatus>() -> MetaResponses {
    to_poem(status_responses(&T::table()))
}

/// poem-openapi's form of responses this crate wrote as JSON.
fn to_poem(responses: impl Iterator<Item = (http::StatusCode, Value)>) -> MetaResponses {
    MetaResponses {
        responses: responses
            .map(|(status, response)| meta_response(status.as_u16(), &response))
            .collect(),
    }
}

fn meta_response(status: u16, response: &Value) -> MetaResponse {
    let content = response["content"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(media, content)| MetaMediaType {
            content_type: intern(media),
            schema: with_examples(&content["schema"], &content["examples"]),
        })
        .collect();
    let headers = response["headers"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, header)| {
            let mut schema = header["schema"].clone();
            // A header object of poem-openapi has no example: its schema holds it.
            if let (Some(example), Some(schema)) = (header.get("example"), schema.as_object_mut()) {
                schema.insert("example".to_owned(), example.clone());
            }
            MetaHeader {
                name: name.clone(),
                description: header["description"].as_str().map(str::to_owned),
                required: header["required"].as_bool().unwrap_or(false),
                deprecated: false,
                schema: meta_schema(&schema),
            }
        })
        .collect();
    MetaResponse {
        description: intern(response["description"].as_str().unwrap_or_default()),
        status: Some(status),
        status_range: None,
        content,
        headers,
    }
}

/// The media type's `schema` with each named example in the `oneOf` branch of its code: the
/// name as the branch's `title`, the value as its `example` (the summary is the branch's
/// description already). A branch holds one example: a second of the same code (two forwarded
/// types that answer one status with one code) is left out.
fn with_examples(schema: &Value, examples: &Value) -> MetaSchemaRef {
    let mut schema = schema.clone();
    if let (Some(branches), Some(examples)) = (schema["oneOf"].as_array_mut(), examples.as_object())
    {
        for branch in branches.iter_mut() {
            let identity = |value: &Value| {
                let code = &branch["properties"]["code"]["enum"];
                let type_uri = &branch["properties"]["type"]["enum"];
                code.get(0) == value.get("code")
                    && (type_uri.is_null() || type_uri.get(0) == value.get("type"))
            };
            let found = examples
                .iter()
                .find(|(_, example)| identity(&example["value"]));
            if let Some((name, example)) = found {
                let (name, value) = (name.clone(), example["value"].clone());
                if let Some(branch) = branch.as_object_mut() {
                    branch.insert("title".to_owned(), Value::String(name));
                    branch.insert("example".to_owned(), value);
                }
            }
        }
    }
    meta_schema(&schema)
}

/// A JSON Schema as poem-openapi's schema, in the OpenAPI 3.0 it writes: a `$ref` to the
/// components as a reference, `const` as an `enum` of one, the first of `examples` as
/// `example`, a `null` among the types as `nullable`, `additionalProperties: true` as the
/// schema of any value. What poem-openapi cannot hold (`not`, `if`, a `discriminator`,
/// `additionalProperties: false`) is left out, which widens the schema, never narrows it.
fn meta_schema(value: &Value) -> MetaSchemaRef {
    let Some(object) = value.as_object() else {
        return MetaSchemaRef::Inline(Box::new(MetaSchema::ANY));
    };
    if let Some(target) = object.get("$ref").and_then(Value::as_str) {
        if let Some(name) = target.strip_prefix("#/components/schemas/") {
            return MetaSchemaRef::Reference(name.to_owned());
        }
    }
    MetaSchemaRef::Inline(Box::new(schema_of(object)))
}

fn schema_of(object: &Map<String, Value>) -> MetaSchema {
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    let flag = |key: &str| object.get(key).and_then(Value::as_bool);
    let schemas = |key: &str| -> Vec<MetaSchemaRef> {
        object
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(meta_schema)
            .collect()
    };
    let mut schema = MetaSchema::ANY;
    match object.get("type") {
        Some(Value::String(ty)) => schema.ty = intern(ty),
        Some(Value::Array(types)) => {
            let names: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
            schema.nullable = names.contains(&"null");
            if let Some(ty) = names.iter().find(|name| **name != "null") {
                schema.ty = intern(ty);
            }
        }
        _ => {}
    }
    schema.nullable |= flag("nullable").unwrap_or(false);
    schema.format = text("format").map(intern);
    schema.title = text("title").map(str::to_owned);
    schema.description = text("description").map(intern);
    schema.default = object.get("default").cloned();
    schema.required = object
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(intern)
        .collect();
    schema.properties = object
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, property)| (intern(name), meta_schema(property)))
        .collect();
    schema.items = object
        .get("items")
        .map(|items| Box::new(meta_schema(items)));
    schema.additional_properties = match object.get("additionalProperties") {
        Some(Value::Bool(true)) => Some(Box::new(MetaSchemaRef::Inline(Box::new(MetaSchema::ANY)))),
        Some(more @ Value::Object(_)) => Some(Box::new(meta_schema(more))),
        _ => None,
    };
    schema.enum_items = match (object.get("enum"), object.get("const")) {
        (Some(Value::Array(values)), _) => values.clone(),
        (_, Some(value)) => vec![value.clone()],
        _ => Vec::new(),
    };
    schema.deprecated = flag("deprecated").unwrap_or(false);
    schema.read_only = flag("readOnly").unwrap_or(false);
    schema.write_only = flag("writeOnly").unwrap_or(false);
    schema.any_of = schemas("anyOf");
    schema.one_of = schemas("oneOf");
    schema.all_of = schemas("allOf");
    schema.example = object.get("example").cloned().or_else(|| {
        object
            .get("examples")
            .and_then(|examples| examples.get(0))
            .cloned()
    });
    bounds(object, &mut schema);
    schema
}

/// The numeric, length and count bounds of a JSON Schema, in 3.0's form.
fn bounds(object: &Map<String, Value>, schema: &mut MetaSchema) {
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    let number = |key: &str| object.get(key).and_then(Value::as_f64);
    let size = |key: &str| {
        object
            .get(key)
            .and_then(Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let flag = |key: &str| object.get(key).and_then(Value::as_bool);
    schema.multiple_of = number("multipleOf");
    schema.maximum = number("maximum");
    schema.minimum = number("minimum");
    // 3.0's form of an exclusive bound: a flag on the bound.
    for (key, bound, exclusive) in [
        (
            "exclusiveMaximum",
            &mut schema.maximum,
            &mut schema.exclusive_maximum,
        ),
        (
            "exclusiveMinimum",
            &mut schema.minimum,
            &mut schema.exclusive_minimum,
        ),
    ] {
        match object.get(key) {
            Some(Value::Bool(flag)) => *exclusive = Some(*flag),
            Some(Value::Number(limit)) => {
                *bound = limit.as_f64();
                *exclusive = Some(true);
            }
            _ => {}
        }
    }
    schema.max_length = size("maxLength");
    schema.min_length = size("minLength");
    schema.pattern = text("pattern").map(str::to_owned);
    schema.max_items = size("maxItems");
    schema.min_items = size("minItems");
    schema.unique_items = flag("uniqueItems");
    schema.max_properties = size("maxProperties");
    schema.min_properties = size("minProperties");
}

/// `text` for as long as the program runs, as poem-openapi's types hold their texts: each
/// distinct text once, so documenting a type again allocates nothing.
fn intern(text: &str) -> &'static str {
    static TEXTS: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut texts = TEXTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = texts.get(text) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
    texts.insert(leaked);
    leaked
}

/// poem-openapi's document `spec` (what `OpenApiService::spec` returns) with, on each
/// operation, the [`Rejection`]s [`ProblemDetails`](crate::poem::ProblemDetails) answers
/// before its handler runs, by what the operation takes: a JSON or form payload, path and
/// query parameters ([`openapi::add_rejections`](crate::openapi::add_rejections), in the
/// OpenAPI 3.0 poem-openapi writes). What utoipa's `Merged` and aide's `rejections` give.
///
/// Serve the result with [`spec_endpoint`]. poem-openapi's own `swagger_ui()` and
/// `spec_endpoint()` embed the document without them; point a UI at the served URL instead.
/// A document that cannot be read is returned as it was.
///
/// ```
/// use poem_openapi::param::Path;
/// use poem_openapi::payload::PlainText;
/// use poem_openapi::{OpenApi, OpenApiService};
///
/// struct Api;
///
/// #[OpenApi]
/// impl Api {
///     #[oai(path = "/users/:id", method = "get")]
///     async fn user(&self, id: Path<u64>) -> PlainText<String> {
///         PlainText(id.0.to_string())
///     }
/// }
///
/// let spec = OpenApiService::new(Api, "Users", "1.0").spec();
/// let spec: serde_json::Value =
///     serde_json::from_str(&status_core::poem_openapi::with_rejections(&spec)).unwrap();
/// let bad_request = &spec["paths"]["/users/{id}"]["get"]["responses"]["400"];
/// let codes = &bad_request["content"]["application/problem+json"]["schema"]["oneOf"][0];
/// assert_eq!(codes["properties"]["code"]["enum"][0], "invalid_path");
/// ```
#[must_use]
pub fn with_rejections(spec: &str) -> String {
    with_rejections_in::<Uniform>(spec)
}

/// [`with_rejections`] with the statuses one framework gives its own errors, for a service
/// that keeps them ([`Statuses::Framework`](crate::Statuses::Framework)):
/// `with_rejections_in::<statuses::Poem>(&spec)`.
#[must_use]
pub fn with_rejections_in<S: RejectionStatuses>(spec: &str) -> String {
    let Ok(mut document) = serde_json::from_str::<Value>(spec) else {
        return spec.to_owned();
    };
    add_rejections_as(&mut document, S::ROWS, &|status, response| {
        serde_json::to_value(meta_response(status.as_u16(), &response)).unwrap_or(response)
    });
    serde_json::to_string_pretty(&document).unwrap_or_else(|_| spec.to_owned())
}

/// An endpoint that serves `spec` (a document from [`with_rejections`]) as
/// `application/json`.
///
/// ```
/// use poem::Route;
///
/// let spec = r#"{"openapi":"3.0.0","info":{"title":"Users","version":"1.0"},"paths":{}}"#;
/// let app = Route::new().at("/openapi.json", status_core::poem_openapi::spec_endpoint(spec));
/// ```
pub fn spec_endpoint(spec: impl Into<String>) -> impl Endpoint<Output = Response> {
    let spec: String = spec.into();
    ::poem::endpoint::make_sync(move |_| {
        Response::builder()
            .content_type("application/json")
            .body(spec.clone())
    })
}

/// Middleware for an `OpenApiService`'s endpoint that answers a method an operation's path
/// lacks with `405 Method Not Allowed` as Problem Details, with `Allow` listing the methods
/// the API's operations have there, which RFC 9110 requires and poem-openapi's router omits.
/// The methods come from the API's own description, so they are the ones the document shows.
///
/// Put it on the service, inside [`ProblemDetails`](crate::poem::ProblemDetails): a path it
/// does not know (another endpoint's) keeps poem's own `405`, whose problem then has no
/// `Allow`.
///
/// ```
/// use poem::{EndpointExt, IntoEndpoint, Route};
/// use poem_openapi::payload::PlainText;
/// use poem_openapi::{OpenApi, OpenApiService};
/// use status_core::poem_openapi::AllowedMethods;
///
/// struct Api;
///
/// #[OpenApi]
/// impl Api {
///     #[oai(path = "/users/:id", method = "get")]
///     async fn user(&self) -> PlainText<&'static str> {
///         PlainText("a user")
///     }
/// }
///
/// let service = OpenApiService::new(Api, "Users", "1.0");
/// let app = Route::new()
///     .nest("/", service.into_endpoint().with(AllowedMethods::of::<Api>()))
///     .with(status_core::poem::ProblemDetails);
/// ```
#[derive(Debug, Clone)]
pub struct AllowedMethods {
    /// Each path's segments (`None` for a parameter) and its `Allow` value.
    paths: Arc<[(Vec<Option<String>>, HeaderValue)]>,
}

impl AllowedMethods {
    /// The methods of each path of the API `T`, as its operations declare them.
    #[must_use]
    pub fn of<T: ::poem_openapi::OpenApi>() -> Self {
        let mut methods: BTreeMap<String, Vec<Method>> = BTreeMap::new();
        for path in T::meta().into_iter().flat_map(|api| api.paths) {
            let known = methods.entry(path.path).or_default();
            known.extend(
                path.operations
                    .into_iter()
                    .map(|operation| operation.method),
            );
        }
        let paths = methods
            .into_iter()
            .filter_map(|(path, methods)| {
                let segments = path
                    .split('/')
                    .filter(|segment| !segment.is_empty())
                    .map(|segment| (!segment.starts_with('{')).then(|| segment.to_owned()))
                    .collect();
                Some((segments, allow_value(&methods)?))
            })
            .collect();
        Self { paths }
    }

    /// The `Allow` value of the path `path` of a request, if the API has it.
    fn allow(&self, path: &str) -> Option<&HeaderValue> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        self.paths.iter().find_map(|(template, allow)| {
            let matches = template.len() == segments.len()
                && template.iter().zip(&segments).all(|(fixed, segment)| {
                    fixed.as_deref().map_or(true, |fixed| fixed == *segment)
                });
            matches.then_some(allow)
        })
    }
}

impl<E: Endpoint> Middleware<E> for AllowedMethods {
    type Output = AllowedMethodsEndpoint<E>;

    fn transform(&self, inner: E) -> Self::Output {
        AllowedMethodsEndpoint {
            inner,
            methods: self.clone(),
        }
    }
}

/// The endpoint [`AllowedMethods`] wraps another in.
#[derive(Debug)]
pub struct AllowedMethodsEndpoint<E> {
    inner: E,
    methods: AllowedMethods,
}

impl<E: Endpoint> Endpoint for AllowedMethodsEndpoint<E> {
    type Output = Response;

    async fn call(&self, request: Request) -> ::poem::Result<Response> {
        let path = request.uri().path().to_owned();
        match self.inner.call(request).await {
            Err(error) if error.is::<MethodNotAllowedError>() => match self.methods.allow(&path) {
                Some(allow) => Ok(method_not_allowed(Some(allow.clone()))),
                None => Err(error),
            },
            other => other.map(IntoResponse::into_response),
        }
    }
}

/// The schemas of a type's extension members, as poem-openapi gives them for the fields'
/// types: what the derived `ApiResponse` adds to the responses, and registers. Implemented by
/// the derive.
#[doc(hidden)]
pub trait ExtensionSchemas {
    fn extension_schemas(registry: &mut Registry, members: &mut TypedMembers);
}

impl<T: ExtensionSchemas> ExtensionSchemas for Box<T> {
    fn extension_schemas(registry: &mut Registry, members: &mut TypedMembers) {
        T::extension_schemas(registry, members);
    }
}

impl<T: ExtensionSchemas> ExtensionSchemas for std::sync::Arc<T> {
    fn extension_schemas(registry: &mut Registry, members: &mut TypedMembers) {
        T::extension_schemas(registry, members);
    }
}

impl ExtensionSchemas for Rejection {
    fn extension_schemas(_: &mut Registry, members: &mut TypedMembers) {
        members.push_json_data_errors();
    }
}

/// [`responses`] with each extension member's schema taken from its field's type where it
/// implements `poem_openapi::types::Type`, and an example value of that type: what the
/// derived `ApiResponse::meta` returns. A member's schema may name a component, which
/// [`register`] registers.
#[doc(hidden)]
#[must_use]
pub fn typed_responses<T: ApiStatus + ExtensionSchemas>() -> MetaResponses {
    // `meta` has no registry: one of its own finds the components the schemas name.
    let mut registry = Registry::new();
    let mut members = TypedMembers::default();
    T::extension_schemas(&mut registry, &mut members);
    let resolve = |target: &str| {
        let name = target.strip_prefix("#/components/schemas/")?;
        serde_json::to_value(registry.schemas.get(name)?).ok()
    };
    to_poem(with_typed_members(
        status_responses(&T::table()),
        &members,
        &resolve,
    ))
}

/// Registers the components the extension members' schemas of `T` name: what the derived
/// `ApiResponse::register` does.
#[doc(hidden)]
pub fn register<T: ExtensionSchemas>(registry: &mut Registry) {
    T::extension_schemas(registry, &mut TypedMembers::default());
}

/// Every framework error a [`ProblemDetails`](crate::poem::ProblemDetails) answers, as an
/// `ApiResponse`.
///
/// ```
/// use poem_openapi::ApiResponse;
///
/// let responses = status_core::Rejection::meta().responses;
/// assert!(responses.iter().any(|response| response.status == Some(415)));
/// ```
impl ::poem_openapi::ApiResponse for Rejection {
    fn meta() -> MetaResponses {
        typed_responses::<Self>()
    }

    fn register(registry: &mut Registry) {
        register::<Self>(registry);
    }
}

/// The `errors` member's schema, as [`openapi::violations_schema`](crate::openapi::violations_schema)
/// writes it, in the OpenAPI 3.0 poem-openapi writes: an extension member of this type is
/// documented with its items.
///
/// ```
/// use poem_openapi::types::Type;
///
/// let schema = serde_json::to_value(status_core::Violations::schema_ref()).unwrap();
/// assert_eq!(schema["type"], "array");
/// assert_eq!(schema["items"]["required"], serde_json::json!(["detail", "pointer"]));
/// ```
impl ::poem_openapi::types::Type for Violations {
    const IS_REQUIRED: bool = true;

    type RawValueType = Self;

    type RawElementValueType = Self;

    fn name() -> std::borrow::Cow<'static, str> {
        "Violations".into()
    }

    fn schema_ref() -> MetaSchemaRef {
        meta_schema(&violations_schema())
    }

    fn as_raw_value(&self) -> Option<&Self::RawValueType> {
        Some(self)
    }

    fn raw_element_iter<'a>(
        &'a self,
    ) -> Box<dyn Iterator<Item = &'a Self::RawElementValueType> + 'a> {
        Box::new(self.as_raw_value().into_iter())
    }
}

/// The autoref probes the derived impls call: a field type's schema where it implements
/// poem-openapi's `Type`, and a forwarded type's members where it implements
/// [`ExtensionSchemas`].
#[doc(hidden)]
pub mod probe {
    use poem_openapi::registry::Registry;
    use poem_openapi::types::Type;
    use serde_json::Value;

    use super::ExtensionSchemas;
    use crate::openapi::SchemaProbe;
    use crate::openapi::TypedMembers;

    pub trait ViaPoemType {
        fn poem_schema(&self, registry: &mut Registry) -> Option<Value>;
    }

    impl<T: Type> ViaPoemType for &SchemaProbe<T> {
        fn poem_schema(&self, registry: &mut Registry) -> Option<Value> {
            T::register(registry);
            serde_json::to_value(T::schema_ref()).ok()
        }
    }

    pub trait NoPoemType {
        fn poem_schema(&self, registry: &mut Registry) -> Option<Value>;
    }

    impl<T: ?Sized> NoPoemType for SchemaProbe<T> {
        fn poem_schema(&self, _: &mut Registry) -> Option<Value> {
            None
        }
    }

    pub trait ViaPoemMembers {
        fn poem_members(&self, registry: &mut Registry, members: &mut TypedMembers);
    }

    impl<T: ExtensionSchemas + ?Sized> ViaPoemMembers for &SchemaProbe<T> {
        fn poem_members(&self, registry: &mut Registry, members: &mut TypedMembers) {
            T::extension_schemas(registry, members);
        }
    }

    pub trait NoPoemMembers {
        fn poem_members(&self, registry: &mut Registry, members: &mut TypedMembers);
    }

    impl<T: ?Sized> NoPoemMembers for SchemaProbe<T> {
        fn poem_members(&self, _: &mut Registry, _: &mut TypedMembers) {}
    }
}

/// Implements `poem_openapi::ApiResponse` and [`ExtensionSchemas`] for a derived type.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem_openapi {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]
        [$(($status:literal, $code:literal, $member:literal, $field:ty)),*] [$($forwarded:ty),*]
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::poem_openapi::ApiResponse for $($ty)* $($where_clause)* {
            fn meta() -> $crate::__private::poem_openapi::registry::MetaResponses {
                $crate::poem_openapi::typed_responses::<Self>()
            }

            fn register(__registry: &mut $crate::__private::poem_openapi::registry::Registry) {
                $crate::poem_openapi::register::<Self>(__registry);
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* $crate::poem_openapi::ExtensionSchemas for $($ty)* $($where_clause)* {
            #[allow(unused_variables)]
            fn extension_schemas(
                __registry: &mut $crate::__private::poem_openapi::registry::Registry,
                __members: &mut $crate::__private::TypedMembers,
            ) {
                #[allow(unused_imports)]
                use $crate::__private::{NoPoemMembers as _, NoPoemType as _, ViaPoemMembers as _, ViaPoemType as _};
                $(
                    __members.push(
                        $status,
                        $code,
                        $member,
                        (&&$crate::__private::SchemaProbe::<$field>::new()).poem_schema(__registry),
                    );
                )*
                $(
                    (&&$crate::__private::SchemaProbe::<$forwarded>::new())
                        .poem_members(__registry, __members);
                )*
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn round_trip(schema: &Value) -> Value {
        serde_json::to_value(meta_schema(schema)).unwrap()
    }

    #[test]
    fn a_schema_keeps_what_openapi_3_0_says() {
        let schema = json!({
            "type": "object",
            "description": "A thing.",
            "properties": {
                "code": { "type": "string", "enum": ["gone"] },
                "count": { "type": "integer", "minimum": 1, "maximum": 9 },
                "name": { "type": "string", "minLength": 1, "pattern": "^a" },
                "tags": { "type": "array", "items": { "type": "string" }, "uniqueItems": true }
            },
            "required": ["code"]
        });
        let written = round_trip(&schema);
        assert_eq!(written["properties"]["code"], schema["properties"]["code"]);
        assert_eq!(written["properties"]["count"]["minimum"], 1.0);
        assert_eq!(written["properties"]["name"], schema["properties"]["name"]);
        assert_eq!(written["properties"]["tags"], schema["properties"]["tags"]);
        assert_eq!(written["required"], json!(["code"]));
        assert_eq!(written["description"], "A thing.");
    }

    #[test]
    fn openapi_3_1_forms_become_3_0_forms() {
        assert_eq!(
            round_trip(&json!({ "type": ["string", "null"] })),
            json!({ "type": "string", "nullable": true })
        );
        assert_eq!(round_trip(&json!({ "const": 7 })), json!({ "enum": [7] }));
        assert_eq!(
            round_trip(&json!({ "examples": [1, 2] })),
            json!({ "example": 1 })
        );
        assert_eq!(
            round_trip(&json!({ "type": "integer", "exclusiveMinimum": 0 })),
            json!({ "type": "integer", "minimum": 0.0, "exclusiveMinimum": true })
        );
        assert_eq!(
            round_trip(&json!({ "additionalProperties": true })),
            json!({ "additionalProperties": {} })
        );
        assert_eq!(
            round_trip(&json!({ "$ref": "#/components/schemas/Window" })),
            json!({ "$ref": "#/components/schemas/Window" })
        );
        assert_eq!(round_trip(&json!({})), json!({}));
    }

    #[test]
    fn each_example_goes_to_the_branch_of_its_code() {
        let schema = json!({ "oneOf": [
            { "properties": { "code": { "enum": ["a"] } } },
            { "properties": { "code": { "enum": ["b"] } } }
        ] });
        let examples = json!({
            "b": { "summary": "B.", "value": { "code": "b" } },
            "a": { "summary": "A.", "value": { "code": "a" } },
            "a_2": { "summary": "A again.", "value": { "code": "a", "detail": "other" } }
        });
        let written = serde_json::to_value(with_examples(&schema, &examples)).unwrap();
        assert_eq!(written["oneOf"][0]["title"], "a");
        assert_eq!(written["oneOf"][0]["example"], json!({ "code": "a" }));
        assert_eq!(written["oneOf"][1]["title"], "b");
    }

    #[test]
    fn a_text_is_interned_once() {
        let first = intern("Not Found.");
        let second = intern(&String::from("Not Found."));
        assert!(std::ptr::eq(first, second));
    }
}
