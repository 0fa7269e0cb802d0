//! Code generation for `#[derive(FromProblem)]`: a `match` on the received code, one arm per
//! variant that a client can rebuild, each reading its fields back from where `ApiStatus` put
//! them. Which fields travel is `ast::Variant::field_sources`; the reading is `status-core`'s.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;

use crate::ast::{FieldSource, Input, Variant};
use crate::attr::Extension;
use crate::expand::{at_span, binding};
use crate::generics::Bounds;

/// The impl, or an impl that rebuilds nothing when the attributes have errors: the
/// `ApiStatus` derive reports those, and once is enough.
pub fn derive(input: &syn::DeriveInput) -> TokenStream {
    let mut cx = crate::ctxt::Ctxt::default();
    let parsed = Input::from_syn(&mut cx, input);
    crate::valid::check(&mut cx, &parsed);
    let ok = cx.finish().is_ok();
    let mut tokens = impl_from_problem(&parsed, ok);
    // Each subset decodes its own variants, and hands any other code back as not its own.
    let subsets = if ok {
        parsed.attrs.subsets.clone()
    } else {
        crate::subset::definable(&parsed)
    };
    tokens.extend(crate::subset::impls(input, &subsets, |subset| {
        impl_from_problem(
            &Input::from_syn(&mut crate::ctxt::Ctxt::default(), subset),
            ok,
        )
    }));
    tokens
}

fn impl_from_problem(input: &Input, ok: bool) -> TokenStream {
    let krate = input.krate();
    let p = quote!(#krate::__private);
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let mut bounds = Bounds::new(input.generics);
    let body = if ok {
        bounds.require_self(&quote!(#ident #ty_generics), &quote!(#p::ApiStatus));
        body(input, &p, &mut bounds)
    } else {
        quote!(::core::option::Option::None)
    };
    let where_clause = bounds.where_clause();
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::FromProblem for #ident #ty_generics #where_clause {
            fn from_received(__received: &#p::Received<'_>) -> ::core::option::Option<Self> {
                #body
            }
        }
    }
}

fn body(input: &Input, p: &TokenStream, bounds: &mut Bounds) -> TokenStream {
    let mut arms = Vec::new();
    let mut forwards = Vec::new();
    let mut row = 0_usize;
    for variant in &input.variants {
        if variant.forward_field().is_some() {
            // Its status is the field's, and the problem is the field's type's variant; a
            // client gets that type's value where the enum reaches it through `transparent`.
            continue;
        }
        if variant.is_transparent() {
            if let Some(inner) = variant.fields.first() {
                let ty = inner.ty;
                bounds.require(ty, &quote!(#p::FromProblem));
                let call = at_span(
                    &quote!(<#ty as #p::FromProblem>::from_received(__received)),
                    ty.span(),
                );
                let value = construct(input, variant, &[(&inner.member, quote!(__inner))]);
                forwards.push(quote! {
                    if let ::core::option::Option::Some(__inner) = #call {
                        return ::core::option::Option::Some(#value);
                    }
                });
            }
            continue;
        }
        let index = row;
        row += 1;
        if let Some(sources) = variant.field_sources(input) {
            let code = variant.code(input);
            let read = read_variant(input, variant, &sources, index, p, bounds);
            arms.push(quote!(::core::option::Option::Some(#code) => #read,));
        }
    }
    let own = (!arms.is_empty()).then(|| {
        quote! {
            let __rows = <Self as #p::ApiStatus>::table().variants();
            match #p::Received::code(__received) {
                #(#arms)*
                _ => {}
            }
        }
    });
    quote! {
        #own
        #(#forwards)*
        ::core::option::Option::None
    }
}

/// The arm of one variant: a block that returns the value when the code's row matches and
/// every field reads back, and else ends, for the type's transparent variants to try.
fn read_variant(
    input: &Input,
    variant: &Variant,
    sources: &[FieldSource],
    row: usize,
    p: &TokenStream,
    bounds: &mut Bounds,
) -> TokenStream {
    let some = quote!(::core::option::Option::Some);
    let mut steps = Vec::new();
    let template = variant.detail_template(input);
    let reads_detail = sources.iter().any(|s| matches!(s, FieldSource::Detail(_)));
    let mut placeholders = 0;
    // Reading the detail tries each way it splits; a field that does not read back then
    // moves on to the next.
    let mut splits = None;
    if let (Some(template), true) = (&template, reads_detail) {
        if let Some(literals) = template.literals() {
            placeholders = literals.len() - 1;
            let parts = (0..placeholders).map(|i| quote::format_ident!("__part_{}", i));
            splits = Some(quote! {
                for [#(#parts),*] in #p::decode::detail_splits::<#placeholders>(__received, &[#(#literals),*])
            });
        }
    }
    let mut fields = Vec::new();
    for (field, source) in variant.fields.iter().zip(sources) {
        let ty = field.ty;
        let (read, bound) = match source {
            FieldSource::Member => {
                let name = field.extension_name().unwrap_or_default();
                (
                    quote!(#p::ExtensionMember::from_member(__received, #name)),
                    quote!(#p::ExtensionMember),
                )
            }
            FieldSource::RetryAfter => (
                quote!(#p::FromRetryAfter::from_retry_after(#p::Received::retry_after_seconds(__received))),
                quote!(#p::FromRetryAfter),
            ),
            FieldSource::Allow => (
                quote!(#p::FromAllow::from_allow(#p::Received::allow(__received))),
                quote!(#p::FromAllow),
            ),
            FieldSource::WwwAuthenticate => (
                quote!(#p::Received::www_authenticate(__received)
                    .and_then(#p::FromHeaderText::from_header_text)),
                quote!(#p::FromHeaderText),
            ),
            FieldSource::Detail(index) => {
                let part = quote::format_ident!("__part_{}", index);
                (
                    quote!(#p::DetailField::from_detail(#part)),
                    quote!(#p::DetailField),
                )
            }
        };
        bounds.require(ty, &bound);
        let value = binding(&field.member);
        // Spanned where the user reads which value it is: the member's name when it is
        // written, else the field's, else (a tuple field) its type.
        let span = match (&field.attrs.extension, &field.member) {
            (
                Some(Extension {
                    name: Some(name), ..
                }),
                _,
            ) => name.span(),
            (_, syn::Member::Named(ident)) => ident.span(),
            (_, syn::Member::Unnamed(_)) => ty.span(),
        };
        let read = at_span(&quote!(let #some(#value) = #read), span);
        let fail = if splits.is_some() {
            quote!(continue)
        } else {
            quote!(break '__variant)
        };
        steps.push(quote!(#read else { #fail; };));
        fields.push((&field.member, quote!(#value)));
    }
    let value = construct(input, variant, &fields);
    // With two placeholders or more, a value could hold the text between them: the split is
    // kept only if the value writes the detail it was read from.
    let ambiguous = placeholders > 1;
    let read = if let Some(splits) = splits {
        quote! {
            #splits {
                #(#steps)*
                let __value = #value;
                if #p::decode::writes_detail(&__value, __received, #ambiguous) {
                    return #some(__value);
                }
            }
        }
    } else {
        quote! {
            #(#steps)*
            return #some(#value);
        }
    };
    quote! {
        '__variant: {
            if !#p::Received::is(__received, &__rows[#row]) {
                break '__variant;
            }
            #read
        }
    }
}

/// `Self::Variant { member: value, .. }` (or `Self { .. }` for a struct), every field given.
fn construct(
    input: &Input,
    variant: &Variant,
    fields: &[(&syn::Member, TokenStream)],
) -> TokenStream {
    let path = if input.is_enum {
        let ident = variant.ident;
        quote!(Self::#ident)
    } else {
        quote!(Self)
    };
    let members = fields.iter().map(|(member, _)| member);
    let values = fields.iter().map(|(_, value)| value);
    quote!(#path { #(#members: #values),* })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    fn expand(input: proc_macro2::TokenStream) -> String {
        super::derive(&syn::parse2(input).expect("a valid item")).to_string()
    }

    #[test]
    fn each_variant_that_travels_gets_an_arm_under_its_code_and_the_rest_none() {
        let expansion = expand(quote! {
            enum ApiError {
                #[status(404, message = "user {id} not found")]
                UserNotFound { id: u64 },
                #[status(409)]
                Taken,
                #[status(500)]
                Database(#[from] DbError),
                #[status(500, code = "query_failed")]
                QueryFailed { query: String },
                #[status(transparent)]
                Auth(AuthError),
            }
        });
        assert!(
            expansion.contains(":: core :: option :: Option :: Some (\"user_not_found\") =>"),
            "{expansion}"
        );
        assert!(
            expansion.contains(":: core :: option :: Option :: Some (\"taken\") =>"),
            "{expansion}"
        );
        for kept in ["internal_server_error", "query_failed"] {
            assert!(
                !expansion.contains(&format!("\"{kept}\"")),
                "{kept} in {expansion}"
            );
        }
        // Rows by index among the type's own variants: `Taken` is the second.
        assert!(expansion.contains("& __rows [1usize]"), "{expansion}");
        assert!(expansion.contains("< AuthError as :: status_core :: __private :: FromProblem > :: from_received (__received)"), "{expansion}");
    }

    #[test]
    fn a_message_is_read_through_every_split_and_checked_only_when_ambiguous() {
        let expansion = expand(quote! {
            enum ApiError {
                #[status(404, message = "user {id} not found")]
                UserNotFound { id: u64 },
                #[status(400, message = "{a} and {b}")]
                Two { a: String, b: u32 },
            }
        });
        assert!(
            expansion.contains(
                "detail_splits :: < 1usize > (__received , & [\"user \" , \" not found\"])"
            ),
            "{expansion}"
        );
        assert!(
            expansion.contains("writes_detail (& __value , __received , false)"),
            "{expansion}"
        );
        assert!(
            expansion
                .contains("detail_splits :: < 2usize > (__received , & [\"\" , \" and \" , \"\"])"),
            "{expansion}"
        );
        assert!(
            expansion.contains("writes_detail (& __value , __received , true)"),
            "{expansion}"
        );
    }

    #[test]
    fn attribute_errors_are_left_to_api_status_and_nothing_decodes() {
        let expansion = expand(quote! {
            enum ApiError {
                #[status(600)]
                Broken,
            }
        });
        assert!(!expansion.contains("compile_error"), "{expansion}");
        assert!(
            expansion.contains("{ :: core :: option :: Option :: None }"),
            "{expansion}"
        );
    }
}
