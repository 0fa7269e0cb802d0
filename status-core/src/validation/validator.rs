//! `validator`'s errors as [`Violations`] (feature `validator`).

use ::validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::{Pointer, Violation, Violations};

/// Every error, at the pointer of its field; a struct-level check (`#[validate(schema)]`)
/// points at the struct. The fields of a struct come in name order (`validator` keeps them in
/// a hash map), the elements of a list in index order.
///
/// ```
/// use status_core::Violations;
/// use validator::Validate;
///
/// #[derive(Validate)]
/// struct Signup {
///     #[validate(email)]
///     email: String,
///     #[validate(nested)]
///     pets: Vec<Pet>,
/// }
///
/// #[derive(Validate)]
/// struct Pet {
///     #[validate(length(min = 1, message = "must not be empty"))]
///     name: String,
/// }
///
/// let signup = Signup { email: "ada".into(), pets: vec![Pet { name: String::new() }] };
/// let errors = Violations::from(signup.validate().unwrap_err());
/// let shown: Vec<_> = errors.iter().map(|v| (v.pointer.as_str(), v.detail.as_str())).collect();
/// assert_eq!(shown, [("#/email", "must be an email address"), ("#/pets/0/name", "must not be empty")]);
/// ```
///
/// A field's pointer uses its Rust name: `validator` reports fields by the names in the
/// struct, and does not know a name `#[serde(rename)]` gives on the wire.
impl From<ValidationErrors> for Violations {
    fn from(errors: ValidationErrors) -> Self {
        let mut violations = Vec::new();
        collect(&errors, &Pointer::root(), &mut violations);
        violations.into_iter().collect()
    }
}

fn collect(errors: &ValidationErrors, at: &Pointer, out: &mut Vec<Violation>) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by_key(|(field, _)| *field);
    for (field, kind) in fields {
        // `__all__` holds the struct's own checks.
        let here = match &**field {
            "__all__" => at.clone(),
            field => at.clone().key(field),
        };
        match kind {
            ValidationErrorsKind::Field(errors) => {
                out.extend(errors.iter().map(|error| Violation {
                    pointer: here.clone(),
                    detail: detail(error),
                }));
            }
            ValidationErrorsKind::Struct(nested) => collect(nested, &here, out),
            ValidationErrorsKind::List(items) => {
                for (index, nested) in items {
                    collect(nested, &here.clone().index(*index), out);
                }
            }
        }
    }
}

/// The error's own message, or words for validator's built-in checks from their code and
/// parameters.
fn detail(error: &ValidationError) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let param = |name: &str| error.params.get(name).map(ToString::to_string);
    match &*error.code {
        "email" => "must be an email address".to_owned(),
        "url" => "must be a URL".to_owned(),
        "required" => "is required".to_owned(),
        "credit_card" => "must be a credit card number".to_owned(),
        "non_control_character" => "must not contain control characters".to_owned(),
        "regex" => "does not have the expected format".to_owned(),
        "must_match" => match param("other") {
            Some(other) => format!("must match {}", other.trim_matches('"')),
            None => "must match".to_owned(),
        },
        "contains" => match param("needle") {
            Some(needle) => format!("must contain {needle}"),
            None => "must contain the expected text".to_owned(),
        },
        "does_not_contain" => match param("needle") {
            Some(needle) => format!("must not contain {needle}"),
            None => "must not contain the forbidden text".to_owned(),
        },
        "length" => bounds("length", param("equal"), param("min"), param("max")),
        "range" => bounds("value", None, param("min"), param("max")),
        code => format!("is invalid ({code})"),
    }
}

fn bounds(what: &str, equal: Option<String>, min: Option<String>, max: Option<String>) -> String {
    match (equal, min, max) {
        (Some(equal), ..) => format!("{what} must be {equal}"),
        (None, Some(min), Some(max)) => format!("{what} must be between {min} and {max}"),
        (None, Some(min), None) => format!("{what} must be at least {min}"),
        (None, None, Some(max)) => format!("{what} must be at most {max}"),
        (None, None, None) => format!("{what} is out of range"),
    }
}
