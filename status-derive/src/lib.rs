//! `#[derive(ApiStatus)]`: maps an error enum's variants to HTTP responses, checked at compile
//! time. Use it through `status-core`, which re-exports it beside the trait; the attribute
//! grammar is documented there, on the derive's page (status-core's `attributes.md`).
//!
//! Both derives make three passes over one `ast::Input`: parse (`item`, `attr`, `ast`), validate
//! (`valid`, with errors collected in `ctxt`), then expand (`expand` or `from_problem`, with
//! `template`, `generics` and `static_body`). `catalog` holds the library's facts they need.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod catalog;
mod ctxt;
mod expand;
mod from_problem;
mod generics;
mod item;
mod static_body;
mod subset;
mod template;
mod valid;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Implements `status_core::ApiStatus`. Use it through `status-core`, whose re-export carries
/// the attribute reference.
#[proc_macro_derive(ApiStatus, attributes(status))]
pub fn derive_api_status(input: TokenStream) -> TokenStream {
    match item::parse(input.into()) {
        Ok(input) => expand::derive(&input).into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// Implements `status_core::FromProblem` from the same `#[status(...)]` attributes, so a
/// client rebuilds the value from the problem it received; see `status-core`.
#[proc_macro_derive(FromProblem, attributes(status))]
pub fn derive_from_problem(input: TokenStream) -> TokenStream {
    match item::parse(input.into()) {
        Ok(input) => from_problem::derive(&input).into(),
        Err(error) => error.to_compile_error().into(),
    }
}
