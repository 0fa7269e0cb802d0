//! The framework impls the derive emits name nothing the user's crate may also name: a web
//! framework's handler macros make lowercase unit structs of handler names (salvo's
//! `#[endpoint] fn error` is a `struct error;`), and a unit struct in scope turns a binding or a
//! parameter of the same name into a pattern that does not compile.
#![allow(non_camel_case_types, dead_code)]
#![deny(warnings)]

use status_core::ApiStatus;

// The names a generated impl could bind, each a unit struct here.
struct error;
struct response;
struct rejection;
struct value;
struct request;
struct res;
struct members;
struct ctx;
struct generator;
struct registry;
struct components;
struct operation;
struct served;

#[derive(Debug, thiserror::Error, ApiStatus)]
enum ApiError {
    #[error("no user {id}")]
    #[status(404, message = "no user {id}")]
    NoUser {
        id: u64,
        #[status(extension)]
        hint: String,
    },
    #[error("database")]
    #[status(500)]
    Database,
}

/// A generic type: its impls keep no value, through another path.
#[derive(Debug, ApiStatus)]
enum Wrapped<T: std::fmt::Display> {
    #[status(409, message = "taken: {0}")]
    Taken(T),
}

#[test]
fn derived_types_compile_beside_unit_structs_of_the_names_impls_use() {
    let no_user = ApiError::NoUser {
        id: 7,
        hint: "sign up".into(),
    };
    assert_eq!(no_user.status(), 404);
    assert_eq!(ApiError::Database.code(), "internal_server_error");
    assert_eq!(Wrapped::Taken("ada").detail(), "taken: ada");
}
