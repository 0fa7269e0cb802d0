// A type of the user's named `String` (or `str`) is the user's type, not the standard
// library's: the derive formats it through its Display impl like any other field.
use std::fmt;

use status_core::ApiStatus;

/// Not `std::string::String`: a number written with a leading `#`.
#[derive(Debug)]
struct String(u32);

impl fmt::Display for String {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

mod shadowing {
    use std::fmt;

    /// A type named like the primitive, as legal as it is unusual.
    #[allow(non_camel_case_types)]
    #[derive(Debug)]
    pub struct str(pub bool);

    impl fmt::Display for str {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(if self.0 { "yes" } else { "no" })
        }
    }

    #[derive(Debug, status_core::ApiStatus)]
    pub enum ApiError {
        #[status(400, message = "flag {0}, by reference {1}")]
        Flag(str, &'static ::core::primitive::str),
    }
}

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(404, message = "order {id} not found")]
    OrderNotFound { id: String },
    /// The order was changed by another request.
    #[status(409, message = "order {0} conflicts with {1} ({2})")]
    Conflict(String, &'static String, std::string::String),
}

static SEVEN: String = String(7);

fn main() {
    let err = ApiError::OrderNotFound { id: String(42) };
    assert_eq!(err.detail(), "order #42 not found");
    let body: serde_json::Value = serde_json::from_slice(err.response().body()).unwrap();
    assert_eq!(body["detail"], "order #42 not found");

    let err = ApiError::Conflict(String(1), &SEVEN, "a real one".to_owned());
    assert_eq!(err.detail(), "order #1 conflicts with #7 (a real one)");

    let err = shadowing::ApiError::Flag(shadowing::str(true), "plain");
    assert_eq!(err.detail(), "flag yes, by reference plain");
}
