//! What a type answers: the [`ApiStatus`](crate::ApiStatus) trait, the static table of its
//! responses, the headers a response carries, the body written from a value, and the
//! framework's own errors as a table of their own.

pub(crate) mod api_status;
pub(crate) mod body;
pub(crate) mod erased;
pub(crate) mod extensions;
pub(crate) mod headers;
pub(crate) mod json;
pub(crate) mod rejection;
pub mod statuses;
pub(crate) mod table;
