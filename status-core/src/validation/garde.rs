//! `garde`'s report as [`Violations`] (feature `garde`).

use ::garde::error::Kind;
use ::garde::Report;

use crate::{Pointer, Violation, Violations};

/// Every error, in the order of the report, at the pointer of its path: a key is a member, an
/// index an element.
///
/// ```
/// use garde::Validate;
/// use status_core::Violations;
///
/// #[derive(Validate)]
/// struct Signup {
///     #[garde(length(min = 3))]
///     name: String,
///     #[garde(dive)]
///     pets: Vec<Pet>,
/// }
///
/// #[derive(Validate)]
/// struct Pet {
///     #[garde(length(min = 1))]
///     name: String,
/// }
///
/// let signup = Signup { name: "Al".into(), pets: vec![Pet { name: String::new() }] };
/// let errors = Violations::from(signup.validate().unwrap_err());
/// let pointers: Vec<_> = errors.iter().map(|v| v.pointer.as_str()).collect();
/// assert_eq!(pointers, ["#/name", "#/pets/0/name"]);
/// ```
///
/// A field's pointer uses the name `garde` reports: the Rust name, or the one
/// `#[garde(rename = "...")]` gives. `garde` does not read `#[serde(rename)]`, so a field
/// renamed only for serde shows under its Rust name.
impl From<Report> for Violations {
    fn from(report: Report) -> Self {
        report
            .iter()
            .map(|(path, error)| {
                // `__iter` is garde's only way to the components, leaf first.
                let pointer =
                    path.__iter()
                        .rev()
                        .fold(Pointer::root(), |pointer, (kind, component)| match kind {
                            Kind::None => pointer,
                            Kind::Key | Kind::Index => pointer.key(component),
                        });
                Violation {
                    pointer,
                    detail: error.message().to_owned(),
                }
            })
            .collect()
    }
}
