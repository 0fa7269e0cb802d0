//! The derive driven outside the compiler, over proc-macro2: unit tests of the whole
//! pipeline (parse, validate, expand). Each rule's own tests sit beside it, in `attr.rs` and
//! `valid.rs`, and read the messages through [`ui_stderr::messages`].

mod expansion;
mod generated_enums;
pub(crate) mod ui_stderr;
