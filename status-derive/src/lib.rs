//! `#[derive(ApiStatus)]`: maps an error enum's variants to HTTP responses, checked at compile
//! time. Use it through `status-core`, which re-exports it beside the trait; the attribute
//! grammar is documented there and in the README.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod ctxt;
mod expand;
mod generics;
mod template;
mod valid;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

/// Implements `status_core::ApiStatus`; see the `status-core` crate for the attributes.
#[proc_macro_derive(ApiStatus, attributes(status))]
pub fn derive_api_status(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    derive(&input).into()
}

/// The whole expansion: the impl, or every error found plus a fallback impl.
fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let mut cx = ctxt::Ctxt::default();
    let parsed = ast::Input::from_syn(&mut cx, input);
    if let Some(parsed) = &parsed {
        valid::check(&mut cx, parsed);
    }
    match (cx.finish(), parsed) {
        (Ok(()), Some(parsed)) => expand::impl_api_status(&parsed),
        (Err(errors), Some(parsed)) => {
            let fallback = expand::fallback(&parsed);
            let errors = errors.to_compile_error();
            quote::quote!(#fallback #errors)
        }
        (Err(errors), None) => errors.to_compile_error(),
        (Ok(()), None) => proc_macro2::TokenStream::new(),
    }
}
