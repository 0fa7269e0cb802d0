//! utoipa integration (feature `utoipa`).
//!
//! With the feature on, every derived type implements [`utoipa::IntoResponses`](https://docs.rs/utoipa/6/utoipa/trait.IntoResponses.html), so naming the
//! error type in `#[utoipa::path(responses(...))]` documents every response it can produce,
//! and [`Problem`] implements [`utoipa::ToSchema`](https://docs.rs/utoipa/6/utoipa/trait.ToSchema.html):
//!
//! ```
//! use status_core::ApiStatus;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, ApiStatus)]
//! enum ApiError {
//!     #[status(404, message = "user {id} not found")]
//!     UserNotFound { id: u64 },
//!     #[status(429)]
//!     RateLimited { #[status(retry_after)] seconds: u64 },
//! }
//!
//! // What `#[utoipa::path(get, path = "/users/{id}", responses(ApiError))]` collects:
//! let responses = ApiError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "429"]);
//! ```
//!
//! The responses are the ones [`openapi::responses`](crate::openapi::responses) builds, with
//! the Problem Details schema inline, since utoipa does not register the schemas of an
//! `IntoResponses` type.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::marker::PhantomData;

use ::utoipa::openapi::schema::SchemaType;
use ::utoipa::openapi::{RefOr, Response, Schema};
use ::utoipa::{IntoResponses, PartialSchema, ToSchema};
use serde_json::Value;

use crate::openapi::{
    merge_responses, problem_schema, rejection_responses, status_responses, violations_schema,
    with_typed_members, TypedMembers, PROBLEM_SCHEMA,
};
use crate::statuses::{RejectionStatuses, Uniform};
use crate::{ApiStatus, Problem, Rejection, RejectionKind, Violations};

/// Every response `T` can produce, keyed by status, as [`openapi::responses`](crate::openapi::responses)
/// writes them: extension members take any value. The derived
/// [`IntoResponses`](https://docs.rs/utoipa/6/utoipa/trait.IntoResponses.html) returns the
/// same responses with each member's schema from its field's type.
///
/// ```
/// # use status_core::ApiStatus;
/// #[derive(Debug, ApiStatus)]
/// #[status(503, retry_after = 60)]
/// struct Maintenance;
///
/// let responses = status_core::utoipa::responses::<Maintenance>();
/// assert!(responses.contains_key("503"));
/// ```
#[must_use]
pub fn responses<T: ApiStatus>() -> BTreeMap<String, RefOr<Response>> {
    to_utoipa(status_responses(&T::table()))
}

/// utoipa's form of responses this crate wrote as JSON.
fn to_utoipa(
    responses: impl Iterator<Item = (http::StatusCode, Value)>,
) -> BTreeMap<String, RefOr<Response>> {
    responses
        .map(|(status, mut response)| {
            mark_open_schemas(&mut response);
            let description = response["description"].as_str().unwrap_or("").to_owned();
            // The same JSON every output documents; utoipa's types read all of it (a test
            // compares the two), so the fallback is never taken.
            let mut response =
                serde_json::from_value(response).unwrap_or_else(|_| Response::new(description));
            open_marked_schemas(&mut response);
            (status.as_str().to_owned(), RefOr::T(response))
        })
        .collect()
}

/// Stands for the schema of any value (`{}`), which utoipa writes but does not read, until
/// [`open_marked_schemas`] turns it back into one.
const OPEN_SCHEMA_MARK: &str = "status-core: any value";

/// The members' schemas `{}` of the variants' schemas, marked as objects utoipa reads.
fn mark_open_schemas(response: &mut Value) {
    let Some(contents) = response["content"].as_object_mut() else {
        return;
    };
    for content in contents.values_mut() {
        let Some(variants) = content["schema"]["oneOf"].as_array_mut() else {
            continue;
        };
        for variant in variants {
            let Some(properties) = variant["properties"].as_object_mut() else {
                continue;
            };
            for property in properties.values_mut() {
                if property.as_object().is_some_and(serde_json::Map::is_empty) {
                    *property = serde_json::json!({ "type": "object", "title": OPEN_SCHEMA_MARK });
                }
            }
        }
    }
}

/// The marked schemas, made the schema of any value again.
fn open_marked_schemas(response: &mut Response) {
    for content in response.content.values_mut() {
        let RefOr::T(content) = content else { continue };
        let Some(RefOr::T(Schema::OneOf(one_of))) = &mut content.schema else {
            continue;
        };
        for variant in &mut one_of.items {
            let RefOr::T(Schema::Object(variant)) = variant else {
                continue;
            };
            for property in variant.properties.values_mut() {
                if let RefOr::T(Schema::Object(object)) = property {
                    if object.title.as_deref() == Some(OPEN_SCHEMA_MARK) {
                        object.title = None;
                        object.schema_type = SchemaType::AnyValue;
                    }
                }
            }
        }
    }
}

/// The Problem Details schema, as [`openapi::problem_schema`](crate::openapi::problem_schema)
/// writes it.
impl PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        RefOr::T(serde_json::from_value(problem_schema()).unwrap_or_default())
    }
}

/// Registered under the name [`PROBLEM_SCHEMA`], for `body = Problem` in your own responses.
///
/// ```
/// use utoipa::ToSchema;
///
/// assert_eq!(status_core::Problem::name(), "Problem");
/// ```
impl ToSchema for Problem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed(PROBLEM_SCHEMA)
    }
}

/// The `errors` member's schema, as [`openapi::violations_schema`](crate::openapi::violations_schema)
/// writes it: an extension member of this type is documented with its items.
impl PartialSchema for Violations {
    fn schema() -> RefOr<Schema> {
        RefOr::T(serde_json::from_value(violations_schema()).unwrap_or_default())
    }
}

/// Registered under the name `Violations`.
impl ToSchema for Violations {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Violations")
    }
}

/// Several error types on one operation, as one set of responses: a status that more than one
/// of them answers becomes one response whose schema (`oneOf`), examples and headers cover
/// them all ([`openapi::merge_responses`](crate::openapi::merge_responses)). Listing the
/// types one by one in `responses(...)` would not: utoipa keeps one response per status, and
/// the last type named replaces the others' responses.
///
/// Any [`IntoResponses`](https://docs.rs/utoipa/6/utoipa/trait.IntoResponses.html) type fits, in a tuple of two to four: your enums, [`Rejection`]
/// (every framework error), and the sets of what one extractor can reject:
/// [`JsonBodyRejections`], [`FormBodyRejections`], [`PathRejections`], [`QueryRejections`].
///
/// ```
/// use status_core::utoipa::{Merged, JsonBodyRejections, PathRejections};
/// use status_core::ApiStatus;
/// use utoipa::IntoResponses;
///
/// #[derive(Debug, ApiStatus)]
/// enum BookError {
///     #[status(400)]
///     IsbnInvalid,
///     #[status(404)]
///     BookNotFound,
/// }
///
/// // `#[utoipa::path(put, path = "/books/{isbn}",
/// //     responses((status = 204), Merged<(BookError, JsonBodyRejections, PathRejections)>))]`
/// let responses = Merged::<(BookError, JsonBodyRejections, PathRejections)>::responses();
/// let bad_request = serde_json::to_value(&responses["400"]).unwrap();
/// let examples = &bad_request["content"]["application/problem+json"]["examples"];
/// for code in ["isbn_invalid", "invalid_json", "invalid_path"] {
///     assert!(examples.get(code).is_some(), "{code}");
/// }
/// ```
///
/// [`Rejection`]: crate::Rejection
pub struct Merged<T>(PhantomData<T>);

macro_rules! impl_merged {
    ($($ty:ident),+) => {
        impl<$($ty: IntoResponses),+> IntoResponses for Merged<($($ty,)+)> {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                let mut merged = serde_json::json!({});
                $(merge_responses(&mut merged, &to_value($ty::responses()));)+
                from_value(merged)
            }
        }
    };
}

impl_merged!(A, B);
impl_merged!(A, B, C);
impl_merged!(A, B, C, D);

macro_rules! rejection_set {
    ($(#[$doc:meta])* $name:ident = $kinds:expr) => {
        $(#[$doc])*
        ///
        /// The statuses are the rejection table's; a service that keeps its framework's names it
        /// (`JsonBodyRejections<statuses::ActixWeb>`, [`statuses`](crate::statuses)).
        pub struct $name<S = Uniform>(PhantomData<S>);

        impl<S: RejectionStatuses> IntoResponses for $name<S> {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                to_utoipa(rejection_responses($kinds, S::ROWS))
            }
        }
    };
}

rejection_set!(
    /// What a JSON body extractor rejects (`invalid_json`, `json_data`,
    /// `missing_json_content_type`, `unreadable_body`, `content_too_large`), for [`Merged`].
    JsonBodyRejections = RejectionKind::JSON_BODY
);
rejection_set!(
    /// What a form body extractor rejects (`form_data`, `missing_form_content_type`,
    /// `unreadable_body`, `content_too_large`), for [`Merged`].
    FormBodyRejections = RejectionKind::FORM_BODY
);
rejection_set!(
    /// What a path extractor rejects (`invalid_path`), for [`Merged`].
    PathRejections = &[RejectionKind::InvalidPath]
);
rejection_set!(
    /// What a query extractor rejects (`invalid_query`), for [`Merged`].
    QueryRejections = &[RejectionKind::InvalidQuery]
);

fn to_value(responses: BTreeMap<String, RefOr<Response>>) -> Value {
    serde_json::to_value(responses).unwrap_or_default()
}

fn from_value(responses: Value) -> BTreeMap<String, RefOr<Response>> {
    let Value::Object(responses) = responses else {
        return BTreeMap::new();
    };
    to_utoipa(responses.into_iter().filter_map(|(status, response)| {
        Some((status.parse::<http::StatusCode>().ok()?, response))
    }))
}

/// The schemas of a type's extension members, as utoipa gives them for the fields' types:
/// what the derived `IntoResponses` adds to the responses. Implemented by the derive.
#[doc(hidden)]
pub trait ExtensionSchemas {
    fn extension_schemas(members: &mut TypedMembers);
}

impl<T: ExtensionSchemas> ExtensionSchemas for Box<T> {
    fn extension_schemas(members: &mut TypedMembers) {
        T::extension_schemas(members);
    }
}

impl<T: ExtensionSchemas> ExtensionSchemas for std::sync::Arc<T> {
    fn extension_schemas(members: &mut TypedMembers) {
        T::extension_schemas(members);
    }
}

/// Every framework error, for `responses(...)` or [`Merged`].
impl IntoResponses for Rejection {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        typed_responses::<Self>()
    }
}

impl ExtensionSchemas for Rejection {
    fn extension_schemas(members: &mut TypedMembers) {
        members.push_json_data_errors();
    }
}

/// [`responses`] with each extension member's schema taken from its field's type where it
/// implements `utoipa::ToSchema` (the schemas it names inlined, since utoipa registers none
/// for an `IntoResponses` type), and an example value of that type: what the derived
/// `IntoResponses` returns.
#[doc(hidden)]
#[must_use]
pub fn typed_responses<T: ApiStatus + ExtensionSchemas>() -> BTreeMap<String, RefOr<Response>> {
    let mut members = TypedMembers::default();
    T::extension_schemas(&mut members);
    to_utoipa(with_typed_members(
        status_responses(&T::table()),
        &members,
        &|_| None,
    ))
}

/// The autoref probes the derived impls call: a field type's schema where it implements
/// `ToSchema`, and a forwarded type's members where it implements [`ExtensionSchemas`].
#[doc(hidden)]
pub mod probe {
    use serde_json::Value;
    use utoipa::ToSchema;

    use super::ExtensionSchemas;
    use crate::openapi::SchemaProbe;
    use crate::openapi::TypedMembers;

    pub trait ViaToSchema {
        fn utoipa_schema(&self) -> Option<Value>;
    }

    impl<T: ToSchema> ViaToSchema for &SchemaProbe<T> {
        fn utoipa_schema(&self) -> Option<Value> {
            let mut named = Vec::new();
            T::schemas(&mut named);
            let named: Vec<(String, Value)> = named
                .into_iter()
                .filter_map(|(name, schema)| Some((name, serde_json::to_value(schema).ok()?)))
                .collect();
            let mut schema = serde_json::to_value(T::schema()).ok()?;
            inline_refs(&mut schema, &named, 0);
            Some(schema)
        }
    }

    /// Replaces each `$ref` with the schema it names; one nested too deep (a type that holds
    /// itself) becomes the schema of any value.
    fn inline_refs(schema: &mut Value, named: &[(String, Value)], depth: u8) {
        match schema {
            Value::Object(object) => {
                if let Some(Value::String(target)) = object.get("$ref") {
                    let name = target.rsplit('/').next().unwrap_or_default();
                    let found = named.iter().find(|(known, _)| known == name);
                    *schema = match found {
                        Some((_, found)) if depth < 8 => {
                            let mut found = found.clone();
                            inline_refs(&mut found, named, depth + 1);
                            found
                        }
                        _ => Value::Object(serde_json::Map::new()),
                    };
                    return;
                }
                for value in object.values_mut() {
                    inline_refs(value, named, depth);
                }
            }
            Value::Array(items) => {
                for item in items {
                    inline_refs(item, named, depth);
                }
            }
            _ => {}
        }
    }

    pub trait NoToSchema {
        fn utoipa_schema(&self) -> Option<Value>;
    }

    impl<T: ?Sized> NoToSchema for SchemaProbe<T> {
        fn utoipa_schema(&self) -> Option<Value> {
            None
        }
    }

    pub trait ViaUtoipaMembers {
        fn utoipa_members(&self, members: &mut TypedMembers);
    }

    impl<T: ExtensionSchemas + ?Sized> ViaUtoipaMembers for &SchemaProbe<T> {
        fn utoipa_members(&self, members: &mut TypedMembers) {
            T::extension_schemas(members);
        }
    }

    pub trait NoUtoipaMembers {
        fn utoipa_members(&self, members: &mut TypedMembers);
    }

    impl<T: ?Sized> NoUtoipaMembers for SchemaProbe<T> {
        fn utoipa_members(&self, _: &mut TypedMembers) {}
    }

    #[cfg(test)]
    mod tests {
        use serde_json::json;

        use super::inline_refs;

        fn inlined(
            schema: serde_json::Value,
            named: &[(String, serde_json::Value)],
        ) -> serde_json::Value {
            let mut schema = schema;
            inline_refs(&mut schema, named, 0);
            schema
        }

        #[test]
        fn a_ref_becomes_the_schema_it_names_in_objects_and_arrays() {
            let named = [
                ("Window".to_owned(), json!({ "type": "integer" })),
                ("Other".to_owned(), json!({ "type": "string" })),
            ];
            let schema = json!({
                "properties": { "window": { "$ref": "#/components/schemas/Window" } },
                "allOf": [{ "$ref": "#/components/schemas/Window" }]
            });
            assert_eq!(
                inlined(schema, &named),
                json!({
                    "properties": { "window": { "type": "integer" } },
                    "allOf": [{ "type": "integer" }]
                })
            );
            // A name it does not know: any value, never a dangling ref.
            assert_eq!(
                inlined(json!({ "$ref": "#/components/schemas/Gone" }), &named),
                json!({})
            );
        }

        #[test]
        fn a_schema_that_names_itself_is_cut_eight_deep() {
            let named = [(
                "Node".to_owned(),
                json!({ "properties": { "next": { "$ref": "#/components/schemas/Node" } } }),
            )];
            let mut schema = inlined(json!({ "$ref": "#/components/schemas/Node" }), &named);
            let mut depth = 0;
            while let Some(next) = schema["properties"].get("next").cloned() {
                schema = next;
                depth += 1;
            }
            assert_eq!(schema, json!({}));
            assert_eq!(depth, 8);
        }
    }
}
