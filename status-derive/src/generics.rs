//! Which type parameters need which bounds: only field types that mention a type parameter
//! get one, and only for the trait the generated code uses them through.

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Generics, Type, WhereClause};

pub struct Bounds<'a> {
    params: BTreeSet<String>,
    generics: &'a Generics,
    predicates: Vec<TokenStream>,
}

impl<'a> Bounds<'a> {
    pub fn new(generics: &'a Generics) -> Self {
        let params = generics
            .type_params()
            .map(|p| p.ident.to_string())
            .collect();
        Bounds {
            params,
            generics,
            predicates: Vec::new(),
        }
    }

    /// Requires `ty: bound`, if `ty` mentions a type parameter (otherwise the compiler checks
    /// it where the field is used, with a clearer message).
    pub fn require(&mut self, ty: &Type, bound: &TokenStream) {
        if self.mentions_param(ty.to_token_stream()) {
            self.predicates.push(quote!(#ty: #bound));
        }
    }

    /// Requires `Self: bound` for generic types, where `Self` cannot be checked at definition.
    pub fn require_self(&mut self, self_ty: &TokenStream, bound: &TokenStream) {
        if !self.params.is_empty() {
            self.predicates.push(quote!(#self_ty: #bound));
        }
    }

    fn mentions_param(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tt| match tt {
            TokenTree::Ident(ident) => self.params.contains(&ident.to_string()),
            TokenTree::Group(group) => self.mentions_param(group.stream()),
            _ => false,
        })
    }

    /// The user's where clause with the required predicates added.
    pub fn where_clause(&self) -> Option<WhereClause> {
        let mut clause = self.generics.where_clause.clone();
        if !self.predicates.is_empty() {
            let clause = clause.get_or_insert_with(|| syn::parse_quote!(where));
            for predicate in &self.predicates {
                if let Ok(predicate) = syn::parse2(predicate.clone()) {
                    clause.predicates.push(predicate);
                }
            }
        }
        clause
    }
}
