//! The client's side: a value rebuilt from the problem a server sent, and reqwest.

pub(crate) mod from_problem;
mod pull;
#[cfg(feature = "reqwest")]
pub mod reqwest;
