//! Collects every error of one expansion, so a user fixes all their mistakes in one compile.

use quote::ToTokens;

#[derive(Default)]
pub struct Ctxt {
    errors: Vec<syn::Error>,
}

impl Ctxt {
    pub fn push(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    pub fn error_spanned(&mut self, tokens: &dyn ToTokens, message: impl std::fmt::Display) {
        self.push(syn::Error::new_spanned(tokens.to_token_stream(), message));
    }

    /// All errors combined into one, or `Ok` if there were none.
    pub fn finish(self) -> syn::Result<()> {
        let mut errors = self.errors.into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            first.combine(error);
        }
        Err(first)
    }
}
