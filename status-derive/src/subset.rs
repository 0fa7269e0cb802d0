//! `#[status(subset(ReadError = [NotFound, Db]))]`: each subset is an enum of its own, the
//! parent with the named variants as written. Its impls come from the same expansion as the
//! parent's, run on that enum, so a variant answers the same in both; this file adds the
//! definition and the conversions: into the parent and into every wider subset (`From`), and
//! from the parent (`TryFrom`, which hands back what the subset does not list).

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Attribute, Data, DeriveInput, Ident, Member};

use crate::attr::Subset;

/// Which of the parent's variants each subset lists, by index: names are compared as
/// strings, each made once, since comparing two idents makes both strings every time.
fn selections(parent: &DeriveInput, subsets: &[Subset]) -> Vec<BTreeSet<usize>> {
    let names: Vec<String> = variants(parent).map(|v| v.ident.to_string()).collect();
    subsets
        .iter()
        .map(|subset| {
            subset
                .variants
                .iter()
                .filter_map(|listed| {
                    let listed = listed.to_string();
                    names.iter().position(|name| *name == listed)
                })
                .collect()
        })
        .collect()
}

/// The subset as if the user had written it: the parent, renamed, with only the variants it
/// lists (once each, in the parent's order).
fn input_of(parent: &DeriveInput, subset: &Subset, selected: &BTreeSet<usize>) -> DeriveInput {
    // Built field by field: a clone of the parent would copy every variant, for each subset.
    let data = match &parent.data {
        Data::Enum(data) => Data::Enum(syn::DataEnum {
            enum_token: data.enum_token,
            brace_token: data.brace_token,
            variants: selected.iter().map(|&i| data.variants[i].clone()).collect(),
        }),
        other => other.clone(),
    };
    DeriveInput {
        attrs: parent.attrs.clone(),
        vis: parent.vis.clone(),
        ident: subset.name.clone(),
        generics: parent.generics.clone(),
        data,
    }
}

/// Each subset's definition, its impls (`impl_for(input)` on the subset's input), and the
/// conversions.
pub fn expand(
    parent: &DeriveInput,
    subsets: &[Subset],
    impl_for: impl Fn(&DeriveInput) -> TokenStream,
) -> TokenStream {
    let selections = selections(parent, subsets);
    let all: BTreeSet<usize> = (0..variants(parent).count()).collect();
    let inputs: Vec<DeriveInput> = subsets
        .iter()
        .zip(&selections)
        .map(|(subset, selected)| input_of(parent, subset, selected))
        .collect();
    let mut tokens = TokenStream::new();
    for (index, (subset, input)) in subsets.iter().zip(&inputs).enumerate() {
        let selected = &selections[index];
        tokens.extend(definition(parent, subset, input));
        tokens.extend(impl_for(input));
        tokens.extend(into(input, parent));
        tokens.extend(try_from(parent, input, *selected == all));
        for (wider, wider_selected) in inputs.iter().zip(&selections) {
            if !std::ptr::eq(wider, input) && selected.is_subset(wider_selected) {
                tokens.extend(into(input, wider));
            }
        }
    }
    tokens
}

/// The impls only, for a derive (`FromProblem`) that implements a trait on types the
/// `ApiStatus` derive defines.
pub fn impls(
    parent: &DeriveInput,
    subsets: &[Subset],
    impl_for: impl Fn(&DeriveInput) -> TokenStream,
) -> TokenStream {
    subsets
        .iter()
        .zip(selections(parent, subsets))
        .map(|(subset, selected)| impl_for(&input_of(parent, subset, &selected)))
        .collect()
}

fn variants(input: &DeriveInput) -> impl Iterator<Item = &syn::Variant> {
    match &input.data {
        Data::Enum(data) => Some(data.variants.iter()),
        _ => None,
    }
    .into_iter()
    .flatten()
}

/// The enum: the parent's visibility, the subset's derives, and the parent's variants and
/// fields with their attributes but `#[status]`, which the impls have read. Without
/// `derive(...)` only the docs go along, since the other attributes are the derives'.
fn definition(parent: &DeriveInput, subset: &Subset, input: &DeriveInput) -> TokenStream {
    let keep = |attr: &Attribute| {
        !attr.path().is_ident("status") && (subset.derives.is_some() || attr.path().is_ident("doc"))
    };
    let written = variants(input).map(|variant| {
        let mut variant = variant.clone();
        variant.attrs.retain(keep);
        for field in &mut variant.fields {
            field.attrs.retain(keep);
        }
        variant
    });
    let derives = subset
        .derives
        .as_ref()
        .map(|paths| quote!(#[derive(#(#paths),*)]));
    let listed = variants(input)
        .map(|v| format!("`{}`", v.ident))
        .collect::<Vec<_>>()
        .join(", ");
    let doc = format!(
        " The variants {listed} of [`{}`], and nothing else: what an operation that \
         returns it can answer, and all its documents list.",
        parent.ident
    );
    let vis = &parent.vis;
    let name = &input.ident;
    quote! {
        #[doc = #doc]
        #derives
        #vis enum #name {
            #(#written,)*
        }
    }
}

/// `impl From<from> for to`: each variant of `from` moved into `to`'s variant of that name.
fn into(from: &DeriveInput, to: &DeriveInput) -> TokenStream {
    let (from_name, to_name) = (&from.ident, &to.ident);
    let arms = variants(from).map(|variant| {
        let (source, target) = moved(from_name, to_name, variant);
        quote!(#source => #target)
    });
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<#from_name> for #to_name {
            #[inline]
            fn from(__value: #from_name) -> Self {
                match __value {
                    #(#arms,)*
                }
            }
        }
    }
}

/// `impl TryFrom<parent> for subset`: the parent's value back as the error when the subset
/// does not list its variant.
fn try_from(parent: &DeriveInput, subset: &DeriveInput, lists_all: bool) -> TokenStream {
    let (parent_name, name) = (&parent.ident, &subset.ident);
    let arms = variants(subset).map(|variant| {
        let (source, target) = moved(parent_name, name, variant);
        quote!(#source => ::core::result::Result::Ok(#target))
    });
    // A subset of every variant has nothing to hand back, and the arm would be unreachable.
    let rest = (!lists_all).then(|| quote!(__other => ::core::result::Result::Err(__other),));
    quote! {
        #[automatically_derived]
        impl ::core::convert::TryFrom<#parent_name> for #name {
            type Error = #parent_name;

            #[inline]
            fn try_from(__value: #parent_name) -> ::core::result::Result<Self, #parent_name> {
                match __value {
                    #(#arms,)*
                    #rest
                }
            }
        }
    }
}

/// The pattern of `variant` in `from` and the expression building it in `to`, its fields
/// moved across by name or position.
fn moved(from: &Ident, to: &Ident, variant: &syn::Variant) -> (TokenStream, TokenStream) {
    let ident = &variant.ident;
    let (members, bindings): (Vec<Member>, Vec<Ident>) = variant
        .fields
        .iter()
        .enumerate()
        .map(|(index, field)| {
            let member = field
                .ident
                .clone()
                .map_or_else(|| Member::Unnamed(index.into()), Member::Named);
            (member, format_ident!("__{}", index))
        })
        .unzip();
    (
        quote!(#from::#ident { #(#members: #bindings),* }),
        quote!(#to::#ident { #(#members: #bindings),* }),
    )
}

/// The subsets that can be defined beside errors: on an enum without generics, each with a
/// name of its own (the variants it names that do not exist are left out).
pub fn definable(input: &crate::ast::Input) -> Vec<Subset> {
    if !input.is_enum || !input.generics.params.is_empty() {
        return Vec::new();
    }
    let mut subsets: Vec<Subset> = Vec::new();
    for subset in &input.attrs.subsets {
        if subset.name != *input.ident && subsets.iter().all(|s| s.name != subset.name) {
            subsets.push(subset.clone());
        }
    }
    subsets
}
