//! The bodies the validation tests and the `json_rejection` fuzz target send: a renamed
//! field, a list of structs, an enum and a map, for serde to fail in; and the error that
//! reports invalid input.
#![allow(dead_code)] // read by serde only; each user takes its part

use std::collections::BTreeMap;

use serde::Deserialize;
use status_core::{ApiStatus, FromProblem, Violations};

/// What a service answers when it refuses a body.
#[derive(Debug, PartialEq, thiserror::Error, ApiStatus, FromProblem)]
pub enum ApiError {
    #[error("invalid")]
    #[status(422, message = "the request body is invalid")]
    Invalid {
        #[status(extension)]
        errors: Violations,
    },
}

#[derive(Deserialize)]
pub struct Signup {
    pub name: String,
    #[serde(rename = "emailAddress")]
    pub email: String,
    pub pets: Vec<Pet>,
    #[serde(default)]
    pub labels: BTreeMap<String, u8>,
}

#[derive(Deserialize)]
pub struct Pet {
    pub name: String,
    pub kind: Kind,
    pub age: u8,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Cat,
    Dog,
}

/// A map whose keys may hold what a path written as text cannot tell apart.
#[derive(Deserialize)]
pub struct Labelled {
    pub labels: BTreeMap<String, u8>,
}
