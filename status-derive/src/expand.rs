//! Code generation from a validated input: a `match` per method and a constant table. All
//! the logic that can be ordinary code lives in `status-core`.

use proc_macro2::{Delimiter, Group, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, ToTokens, TokenStreamExt};
use syn::spanned::Spanned;
use syn::{Ident, Member};

use crate::ast::{member_name, DetailSource, Field, Input, Variant};
use crate::attr::HeaderText;
use crate::generics::Bounds;

/// The whole expansion: the impl, or every error found plus a fallback impl. A plain
/// function over `proc_macro2`, so tests and the fuzz target drive it outside the compiler.
pub fn derive(input: &syn::DeriveInput) -> proc_macro2::TokenStream {
    let mut cx = crate::ctxt::Ctxt::default();
    let parsed = crate::ast::Input::from_syn(&mut cx, input);
    crate::valid::check(&mut cx, &parsed);
    match cx.finish() {
        Ok(()) => {
            let mut tokens = impl_api_status(&parsed);
            tokens.extend(crate::subset::expand(
                input,
                &parsed.attrs.subsets,
                |subset| {
                    impl_api_status(&Input::from_syn(&mut crate::ctxt::Ctxt::default(), subset))
                },
            ));
            tokens
        }
        Err(errors) => {
            let parent = fallback(&parsed);
            let errors = errors.to_compile_error();
            // The subsets that can be defined are, so that their uses do not fail as well.
            let subsets = crate::subset::definable(&parsed);
            let subsets = crate::subset::expand(input, &subsets, |subset| {
                fallback(&Input::from_syn(&mut crate::ctxt::Ctxt::default(), subset))
            });
            quote::quote!(#parent #errors #subsets)
        }
    }
}

pub fn impl_api_status(input: &Input) -> TokenStream {
    let krate = input.krate();
    let p = quote!(#krate::__private);
    let mut bounds = Bounds::new(input.generics);
    add_bounds(input, &mut bounds, &p);
    let rows = rows_const(input, &p);
    let (row_index_items, row_index) = row_index(input);
    let table = table(input, &p);
    let variant = variant_fn(input, &p, row_index.as_ref());
    let status = status_fn(input, &p, row_index.as_ref());
    let detail = write_detail_fn(input, &p);
    let extensions = write_extensions_fn(input, &p);
    let headers = write_headers_fn(input, &p);
    let static_body = static_body_fn(input, &p);
    wrap(
        input,
        &p,
        bounds.where_clause().as_ref(),
        &quote!(#rows #row_index_items),
        &quote! {
            #table
            #variant
            #status
            #detail
            #extensions
            #headers
            #static_body
        },
    )
}

/// The impl emitted beside the errors, so that uses of the type do not fail as well.
pub fn fallback(input: &Input) -> TokenStream {
    let krate = input.krate();
    let p = quote!(#krate::__private);
    let name = input.ident.to_string();
    wrap(
        input,
        &p,
        input.generics.where_clause.as_ref(),
        &TokenStream::new(),
        &quote! {
            fn table() -> #p::Table where Self: ::core::marker::Sized {
                #p::Table::new(#name, &[])
            }
            fn variant(&self) -> &'static #p::VariantInfo {
                const { &#p::VariantInfo::new(#name, 500) }
            }
        },
    )
}

/// The impl of `body`, in an unnamed const beside `items` (which only the impl sees) and the
/// impls that go with it.
fn wrap(
    input: &Input,
    p: &TokenStream,
    where_clause: Option<&syn::WhereClause>,
    items: &TokenStream,
    body: &TokenStream,
) -> TokenStream {
    let ident = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let grpc_domain = input.attrs.grpc_domain.as_ref().map(|domain| {
        quote! {
            #[automatically_derived]
            impl #impl_generics #p::GrpcDomain for #ident #ty_generics #where_clause {
                const GRPC_DOMAIN: &'static str = #domain;
            }
        }
    });
    // The gRPC impl asks for a domain. Under `for<'__a>`, so that a type without one is an
    // error only where it is converted: a bound that names no parameter is checked where it
    // is written.
    let mut grpc_where_clause = where_clause
        .cloned()
        .unwrap_or_else(|| syn::parse_quote!(where));
    grpc_where_clause
        .predicates
        .push(syn::parse_quote!(for<'__a> #ident #ty_generics: #p::GrpcDomain));
    // Each extension member's field type, and each forwarded type, for the OpenAPI tools to
    // give their schemas: status-core's features decide which tools ask.
    let mut members = Vec::new();
    let mut forwarded = Vec::new();
    for variant in &input.variants {
        if let Some(inner) = variant.inner() {
            forwarded.push(inner.ty);
            continue;
        }
        for field in &variant.fields {
            if let Some(member) = field.extension_name() {
                let status = variant.status(input).unwrap_or(500);
                let code = variant.code(input);
                let ty = field.ty;
                members.push(quote!((#status, #code, #member, #ty)));
            }
        }
    }
    // A response's record keeps the value only for a type without generics: the autoref
    // that picks how asks for `'static`, which it cannot see through a generic parameter.
    let keep = if input.generics.params.is_empty() {
        Ident::new("keep", Span::call_site())
    } else {
        Ident::new("row", Span::call_site())
    };
    // The framework impls are emitted by a macro of status-core, so that its features, not
    // the derive, decide which frameworks get one (the orphan rule forbids doing it there).
    // In an unnamed const, so that `allow(deprecated)` covers the framework impls as well: a
    // deprecated type still derives without a warning in a crate that denies them.
    quote! {
        #[allow(deprecated)]
        const _: () = {
            #items
            #[automatically_derived]
            impl #impl_generics #p::ApiStatus for #ident #ty_generics #where_clause {
                #body
            }
            #grpc_domain
            #p::impl_frameworks! {
                [#keep] [#impl_generics] [#ident #ty_generics] [#where_clause] [#grpc_where_clause]
                [#(#members),*] [#(#forwarded),*]
            }
        };
    }
}

fn add_bounds(input: &Input, bounds: &mut Bounds, p: &TokenStream) {
    for variant in &input.variants {
        if variant.is_transparent() {
            for field in &variant.fields {
                bounds.require(field.ty, &quote!(#p::ApiStatus));
            }
            continue;
        }
        let detail = match variant.forward_field() {
            Some(inner) => {
                bounds.require(inner.ty, &quote!(#p::ApiStatus));
                variant.forward_detail(input)
            }
            None => Some(variant.detail_source(input)),
        };
        match detail.unwrap_or(DetailSource::Static) {
            DetailSource::Template(template) => {
                for (wanted, spec) in template.fields() {
                    let Some(field) = field_for(variant, &wanted.to_string()) else {
                        continue;
                    };
                    if spec.ends_with('?') {
                        bounds.require(field.ty, &quote!(::core::fmt::Debug));
                    } else {
                        bounds.require(field.ty, &quote!(::core::fmt::Display));
                    }
                }
            }
            DetailSource::Display => {
                let ident = input.ident;
                let (_, ty_generics, _) = input.generics.split_for_impl();
                bounds.require_self(&quote!(#ident #ty_generics), &quote!(::core::fmt::Display));
            }
            DetailSource::Static => {}
        }
        for field in &variant.fields {
            if field.attrs.extension.is_some() {
                bounds.require(field.ty, &quote!(#p::Serialize));
            }
            if field.attrs.retry_after.is_some() {
                bounds.require(field.ty, &quote!(#p::RetryAfter));
            }
            if field.attrs.allow.is_some() {
                bounds.require(field.ty, &quote!(#p::AllowMethods));
            }
        }
    }
}

pub fn field_for<'v>(variant: &'v Variant<'v>, name: &str) -> Option<&'v Field<'v>> {
    variant
        .fields
        .iter()
        .find(|f| member_name(&f.member) == name)
}

pub fn binding(member: &Member) -> Ident {
    format_ident!("__field_{}", member_name(member))
}

/// `Self::Variant { a: __field_a, .. }` binding `fields`, or `Self { .. }` for a struct.
pub fn pattern(input: &Input, variant: &Variant, fields: &[&Field]) -> TokenStream {
    // Quoted whole, not from a quoted path: a stream interpolated into another costs more
    // to build than the tokens it holds.
    let ident = input.is_enum.then_some(variant.ident).into_iter();
    let members = fields.iter().map(|f| &f.member);
    let bindings = fields.iter().map(|f| binding(&f.member));
    quote!(Self #(:: #ident)* { #(#members: #bindings,)* .. })
}

/// `__ROWS`, the type's own rows: a constant of the unnamed const, so that `table()`,
/// `variant()` and `status()` share them. No generics: a row holds only literals.
fn rows_const(input: &Input, p: &TokenStream) -> TokenStream {
    let rows: Vec<&Variant> = input
        .variants
        .iter()
        .filter(|v| !v.answers_as_field())
        .collect();
    // Each row's first call in one repetition, and its other calls after it: a row is one
    // token stream fewer to build than if it were quoted on its own.
    let names = rows.iter().map(|v| v.ident.to_string());
    let statuses = rows.iter().map(|v| v.status(input).unwrap_or(500));
    let codes: Vec<String> = rows.iter().map(|v| v.code(input)).collect();
    let decodes = rows.iter().map(|v| v.field_sources(input).is_some());
    let bodies: Vec<StaticBody> = rows
        .iter()
        .zip(&codes)
        .map(|(v, code)| {
            let type_uri = v.type_uri(input);
            StaticBody(crate::static_body::static_body(
                input,
                v,
                code,
                type_uri.as_deref(),
            ))
        })
        .collect();
    let constructors = bodies.iter().map(|body| match body.0 {
        Some(_) => Ident::new("__rb", Span::call_site()),
        None => Ident::new("__r", Span::call_site()),
    });
    // The rows' constructors under local names of one token each: a path is tokens the
    // compiler parses, lowers and hashes again for every variant (0.9 M instructions at 100
    // variants for `VariantInfo::derived`'s two segments). Only those the rows call, so that
    // none is an unused import.
    let used = [
        (
            bodies.iter().any(|body| body.0.is_none()),
            quote!(row as __r),
        ),
        (
            bodies.iter().any(|body| body.0.is_some()),
            quote!(row_with_body as __rb),
        ),
    ];
    let constructors_in_scope = used.iter().any(|(used, _)| *used).then(|| {
        let paths = used.iter().filter(|(used, _)| *used).map(|(_, path)| path);
        quote!(use #p::{#(#paths),*};)
    });
    // `None` for a row with no other call: an empty stream still costs an interpolation.
    let calls = rows
        .iter()
        .map(|v| Some(row_calls(input, v)).filter(|c| !c.is_empty()));
    // A header constant's value is checked as its row is evaluated (`with_headers`): such a
    // row is spanned at the constant's path, so that an invalid value is reported there.
    if rows.iter().any(|v| header_const_span(v).is_some()) {
        let rows = rows
            .iter()
            .zip(constructors)
            .zip(names.zip(statuses))
            .zip(codes.iter().zip(decodes))
            .zip(bodies.iter().zip(calls))
            .map(
                |((((v, constructor), (name, status)), (code, decodes)), (body, calls))| {
                    let row = quote!(#constructor(#name, #status, #code, #decodes #body) #calls);
                    match header_const_span(v) {
                        Some(span) => at_span(&row, span),
                        None => row,
                    }
                },
            );
        return quote! {
            const __ROWS: &[#p::VariantInfo] = {
                #constructors_in_scope
                &[#(#rows),*]
            };
        };
    }
    quote! {
        const __ROWS: &[#p::VariantInfo] = {
            #constructors_in_scope
            &[#(#constructors(#names, #statuses, #codes, #decodes #bodies) #calls),*]
        };
    }
}

/// Where a variant's header constant (`www_authenticate = REALM`) is written, if it has one.
fn header_const_span(variant: &Variant) -> Option<Span> {
    [&variant.attrs.www_authenticate, &variant.attrs.allow]
        .into_iter()
        .find_map(|value| match value {
            Some(HeaderText::Const(path)) => Some(path.span()),
            _ => None,
        })
}

/// The static body as the last argument of `__private::row_with_body`, if the variant has one.
struct StaticBody(Option<String>);

impl ToTokens for StaticBody {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if let Some(body) = &self.0 {
            tokens.append(Punct::new(',', Spacing::Alone));
            tokens.append(Literal::byte_string(body.as_bytes()));
        }
    }
}

/// `__RowIndex`, the index of a value's row, and the expression that calls it, when every
/// variant has a row of its own: `variant()` and `status()` then index their tables with
/// one match between them. `None` when a variant forwards (or there is no variant), and
/// nothing to emit for a single row, whose index is 0. A trait of the unnamed const, not a
/// function, so that a `where Self: ...` of the type stays valid.
fn row_index(input: &Input) -> (TokenStream, Option<TokenStream>) {
    if input.variants.is_empty() || input.variants.iter().any(Variant::answers_as_field) {
        return (TokenStream::new(), None);
    }
    if input.variants.len() == 1 {
        return (TokenStream::new(), Some(quote!(0usize)));
    }
    let ident = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // Every arm in one repetition, not a stream of its own each: this runs for every variant.
    let variants = input.variants.iter().map(|v| v.ident);
    let indices = 0..input.variants.len();
    // `{ .. }` made once and copied into each arm: a group made anew costs the derive a
    // call into the compiler for its contents.
    let rest = Group::new(Delimiter::Brace, quote!(..));
    let items = quote! {
        trait __RowIndex {
            fn row_index(&self) -> usize;
        }
        impl #impl_generics __RowIndex for #ident #ty_generics #where_clause {
            #[inline]
            fn row_index(&self) -> usize {
                match self { #(Self::#variants #rest => #indices,)* }
            }
        }
    };
    (items, Some(quote!(__RowIndex::row_index(self))))
}

fn table(input: &Input, p: &TokenStream) -> TokenStream {
    let name = input.ident.to_string();
    let forwards: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|v| {
            let field = v.inner()?;
            let name = v.ident.to_string();
            let ty = field.ty;
            let table = at_span(&quote!(<#ty as #p::ApiStatus>::table), ty.span());
            Some(quote!(#p::TransparentInfo::new(#name, #table)))
        })
        .collect();
    let with_transparent =
        (!forwards.is_empty()).then(|| quote!(.with_transparent(const { &[#(#forwards),*] })));
    let with_type_base = input
        .attrs
        .type_base
        .as_ref()
        .map(|base| quote!(.with_type_base(#base)));
    let with_catalog_title = input
        .attrs
        .catalog_title
        .as_ref()
        .map(|title| quote!(.with_catalog_title(#title)));
    quote! {
        fn table() -> #p::Table where Self: ::core::marker::Sized {
            #p::Table::new(#name, __ROWS) #with_type_base #with_catalog_title #with_transparent
        }
    }
}

/// The calls after a row's first: what only some variants have.
fn row_calls(input: &Input, variant: &Variant) -> TokenStream {
    let mut row = TokenStream::new();
    // `about:blank` written out is kept in the row, though the body leaves it out: it was
    // chosen, so a type with a `type_base` that forwards here does not replace it.
    let type_uri = variant.type_uri(input).or_else(|| {
        variant
            .problem_type(input)
            .map(|_| crate::ast::ABOUT_BLANK.to_owned())
    });
    if let Some(type_uri) = type_uri {
        row.extend(quote!(.with_type(#type_uri)));
    }
    if let Some(title) = &variant.attrs.title {
        row.extend(quote!(.with_title(#title)));
    }
    if let Some(grpc) = &variant.attrs.grpc {
        row.extend(quote!(.with_grpc(#grpc)));
    }
    if let Some(description) = variant.description(input) {
        row.extend(quote!(.with_description(#description)));
    }
    if let Some(message) = variant.doc_message(input) {
        let shows_fields = !matches!(variant.detail_source(input), DetailSource::Static);
        row.extend(quote!(.with_message(#message, #shows_fields)));
    }
    // Names and values interpolated, not written in the template: quote parses a literal
    // of its template from text, which costs more than making one.
    let seconds = variant
        .attrs
        .retry_after
        .as_ref()
        .map(syn::LitInt::base10_digits);
    let mut names: Vec<&str> = Vec::new();
    let mut values: Vec<&dyn ToTokens> = Vec::new();
    if let Some(challenge) = &variant.attrs.www_authenticate {
        names.push("www-authenticate");
        values.push(challenge);
    }
    if let Some(allow) = &variant.attrs.allow {
        names.push("allow");
        values.push(allow);
    }
    if let Some(seconds) = &seconds {
        names.push("retry-after");
        values.push(seconds);
    }
    if !names.is_empty() {
        row.extend(quote!(.with_headers(&[#((#names, #values)),*])));
    }
    let extensions: Vec<String> = variant
        .fields
        .iter()
        .filter_map(Field::extension_name)
        .collect();
    if !extensions.is_empty() {
        row.extend(quote!(.with_extensions(&[#(#extensions),*])));
    }
    let mut field_headers = Vec::new();
    if variant.retry_after_field().is_some() {
        field_headers.push("retry-after");
    }
    if variant.allow_field().is_some() {
        field_headers.push("allow");
    }
    if variant.www_authenticate_field().is_some() {
        field_headers.push("www-authenticate");
    }
    if !field_headers.is_empty() {
        row.extend(quote!(.with_field_headers(&[#(#field_headers),*])));
    }
    row
}

fn variant_fn(input: &Input, p: &TokenStream, row_index: Option<&TokenStream>) -> TokenStream {
    if let Some(index) = row_index {
        return quote! {
            fn variant(&self) -> &'static #p::VariantInfo {
                &__ROWS[#index]
            }
        };
    }
    // One match to a row index and one lookup, rather than a lookup per arm: a thousand
    // variants then cost a thousand integer arms to type-check.
    let mut rows = 0_usize;
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|v| {
            if v.answers_as_field() {
                let inner = v.inner()?;
                // Under a `type_base`, the field's rows without a type get one from it, as
                // the type's own rows do: the library makes those rows.
                let row = if let Some(base) = &input.attrs.type_base {
                    quote!(#p::VariantInfo::under_type_base(#p::ApiStatus::variant(__inner), #base))
                } else {
                    quote!(#p::ApiStatus::variant(__inner))
                };
                return Some(forward(input, v, inner, &quote!(return #row)));
            }
            let pat = pattern(input, v, &[]);
            let index = rows;
            rows += 1;
            Some(quote!(#pat => #index,))
        })
        .collect();
    let body = if rows == 0 {
        quote!(match self { #(#arms)* })
    } else {
        quote! {
            let index = match self { #(#arms)* };
            &__ROWS[index]
        }
    };
    quote! {
        fn variant(&self) -> &'static #p::VariantInfo {
            #body
        }
    }
}

fn forward(input: &Input, variant: &Variant, inner: &Field, call: &TokenStream) -> TokenStream {
    let pat = pattern(input, variant, &[inner]);
    let binding = binding(&inner.member);
    // Spanned at the field's type, so a field without ApiStatus is reported once, there.
    let call = at_span(call, inner.ty.span());
    quote!(#pat => { let __inner = #binding; #call })
}

/// `tokens` with every span set to `span`, so errors in them point at the user's token.
pub fn at_span(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(group) = &tt {
                let mut inner = Group::new(group.delimiter(), at_span(&group.stream(), span));
                inner.set_span(span);
                tt = TokenTree::Group(inner);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

fn status_fn(input: &Input, p: &TokenStream, row_index: Option<&TokenStream>) -> TokenStream {
    // A match on the row index, one arm per status: integers rather than patterns, and
    // still a match, so that the optimizer knows the status in each branch of the caller
    // (a table of statuses it cannot see through cost the body writer 2%).
    if let Some(index) = row_index {
        let mut by_status = by_status(
            input
                .variants
                .iter()
                .enumerate()
                .map(|(row, v)| (v.status(input).unwrap_or(500), row)),
        );
        // The last status takes every other index, which is what makes the match complete.
        let (last, _) = by_status.pop().unwrap_or((500, Vec::new()));
        if by_status.is_empty() {
            return quote! {
                fn status(&self) -> #p::StatusCode {
                    #p::Code::<#last>::STATUS
                }
            };
        }
        let statuses = by_status.iter().map(|(status, _)| status);
        let rows = by_status.iter().map(|(_, rows)| rows);
        return quote! {
            #[allow(clippy::match_same_arms)]
            fn status(&self) -> #p::StatusCode {
                match #index {
                    #(#(#rows)|* => #p::Code::<#statuses>::STATUS,)*
                    _ => #p::Code::<#last>::STATUS,
                }
            }
        };
    }
    // One arm per status, its variants joined by `|`: a thousand variants of nine statuses
    // give nine constants to type-check, not a thousand (each `Code::<N>` is a const item of
    // its own for the compiler).
    let mut forwards = Vec::new();
    let mut own = Vec::new();
    for v in &input.variants {
        if let Some(inner) = v.inner() {
            forwards.push(forward(
                input,
                v,
                inner,
                &quote!(#p::ApiStatus::status(__inner)),
            ));
        } else {
            own.push((v.status(input).unwrap_or(500), pattern(input, v, &[])));
        }
    }
    let arms = by_status(own.into_iter())
        .into_iter()
        .map(|(status, pats)| quote!(#(#pats)|* => #p::Code::<#status>::STATUS,));
    quote! {
        #[allow(clippy::match_same_arms)]
        fn status(&self) -> #p::StatusCode {
            match self { #(#arms)* #(#forwards)* }
        }
    }
}

/// `items` grouped by status, in the order each status first appears.
fn by_status<T>(items: impl Iterator<Item = (u16, T)>) -> Vec<(u16, Vec<T>)> {
    let mut groups: Vec<(u16, Vec<T>)> = Vec::new();
    for (status, item) in items {
        match groups.iter_mut().find(|(s, _)| *s == status) {
            Some((_, group)) => group.push(item),
            None => groups.push((status, vec![item])),
        }
    }
    groups
}

/// A method whose arms are `arm(variant)` for the variants that need one, `forward_call` for
/// the variants that answer as a field and need no other, and the trait's default for the
/// rest; `None` when no variant needs one, so the default stands.
fn partial_match(
    input: &Input,
    signature: &TokenStream,
    forward_call: &TokenStream,
    default: &TokenStream,
    arm: impl Fn(&Variant) -> Option<TokenStream>,
) -> TokenStream {
    let mut covered = 0;
    let arms: Vec<TokenStream> = input
        .variants
        .iter()
        .filter_map(|v| {
            let arm = arm(v).or_else(|| {
                let inner = v.inner()?;
                Some(forward(input, v, inner, forward_call))
            });
            covered += usize::from(arm.is_some());
            arm
        })
        .collect();
    if arms.is_empty() {
        return TokenStream::new();
    }
    let rest = (covered < input.variants.len()).then(|| quote!(_ => #default,));
    quote! {
        #signature {
            match self { #(#arms)* #rest }
        }
    }
}

fn write_detail_fn(input: &Input, p: &TokenStream) -> TokenStream {
    partial_match(
        input,
        &quote!(fn write_detail(&self, __out: &mut dyn #p::FmtWrite) -> #p::FmtResult),
        &quote!(#p::ApiStatus::write_detail(__inner, __out)),
        &quote!(#p::FmtWrite::write_str(__out, #p::ApiStatus::variant(self).detail())),
        |v| {
            if let Some(inner) = v.forward_field() {
                return forward_detail_arm(input, p, v, inner);
            }
            let source = v.detail_source(input);
            let (pat, body) = own_detail(input, p, v, &source, None)?;
            Some(quote!(#pat => #body,))
        },
    )
}

/// The arm of a `forward` variant with a detail of its own: that detail, unless the
/// forwarded status is a 5xx and the variant does not say `expose`, when it is the field's.
fn forward_detail_arm(
    input: &Input,
    p: &TokenStream,
    variant: &Variant,
    inner: &Field,
) -> Option<TokenStream> {
    let source = variant.forward_detail(input)?;
    if variant.attrs.expose.is_some() {
        let (pat, body) = own_detail(input, p, variant, &source, None)?;
        return Some(quote!(#pat => #body,));
    }
    let (pat, own) = own_detail(input, p, variant, &source, Some(inner))?;
    let b = binding(&inner.member);
    // Spanned at the field's type, so a field without ApiStatus is reported once, there.
    let server_error = at_span(
        &quote!(#p::ApiStatus::status(#b).is_server_error()),
        inner.ty.span(),
    );
    let inner_detail = at_span(
        &quote!(#p::ApiStatus::write_detail(#b, __out)),
        inner.ty.span(),
    );
    Some(quote! {
        #pat => if #server_error { #inner_detail } else { #own },
    })
}

/// The pattern and the expression that write a variant's own detail, from its `message` or
/// its `Display`, binding `also` as well; `None` for a detail the row has.
fn own_detail(
    input: &Input,
    p: &TokenStream,
    v: &Variant,
    source: &DetailSource,
    also: Option<&Field>,
) -> Option<(TokenStream, TokenStream)> {
    match source {
        DetailSource::Template(template) => {
            let fields: Vec<&Field> = template
                .fields()
                .filter_map(|(f, _)| field_for(v, &f.to_string()))
                .collect();
            let mut bound: Vec<&Field> = Vec::new();
            for field in fields.iter().copied().chain(also) {
                if !bound.iter().any(|b| b.member == field.member) {
                    bound.push(field);
                }
            }
            let pat = pattern(input, v, &bound);
            let writes = template.writes(p, |wanted| {
                let field = field_for(v, &wanted.to_string())?;
                // Spanned at the message, so a field that cannot be formatted is
                // reported there rather than at the derive.
                let binding = binding(&field.member).into_token_stream();
                Some(at_span(&binding, template.lit.span()))
            });
            let body = if let [only] = writes.as_slice() {
                only.clone()
            } else {
                quote!({ #(#writes?;)* ::core::result::Result::Ok(()) })
            };
            Some((pat, body))
        }
        DetailSource::Display => {
            let pat = pattern(input, v, also.as_slice());
            // Spanned at `display`, so a type without Display is reported there.
            let key = v.attrs.display.as_ref().or(input.attrs.display.as_ref());
            let this = key.map_or_else(|| quote!(self), |key| at_span(&quote!(self), key.span()));
            Some((
                pat,
                quote!(#p::FmtWrite::write_fmt(__out, ::core::format_args!("{}", #this))),
            ))
        }
        DetailSource::Static => None,
    }
}

fn write_extensions_fn(input: &Input, p: &TokenStream) -> TokenStream {
    partial_match(
        input,
        &quote!(fn write_extensions(&self, __extensions: &mut #p::Extensions<'_>)),
        &quote!(#p::ApiStatus::write_extensions(__inner, __extensions)),
        &quote!({}),
        |v| {
            let fields: Vec<&Field> = v
                .fields
                .iter()
                .filter(|f| f.attrs.extension.is_some())
                .collect();
            if fields.is_empty() {
                return None;
            }
            let pat = pattern(input, v, &fields);
            let inserts = fields.iter().filter_map(|f| {
                let name = f.extension_name()?;
                let member = crate::static_body::member_start(&name);
                let b = binding(&f.member);
                Some(at_span(
                    &quote!(#p::extension(__extensions, #name, #member, #b);),
                    f.ty.span(),
                ))
            });
            Some(quote!(#pat => { #(#inserts)* }))
        },
    )
}

fn write_headers_fn(input: &Input, p: &TokenStream) -> TokenStream {
    partial_match(
        input,
        &quote!(fn write_headers(&self, __headers: &mut #p::HeaderMap)),
        &quote!(#p::ApiStatus::write_headers(__inner, __headers)),
        &quote!({}),
        |v| {
            let retry_after = v.retry_after_field();
            let allow = v.allow_field();
            let challenge = v.www_authenticate_field();
            if retry_after.is_none() && allow.is_none() && challenge.is_none() {
                return None;
            }
            let fields: Vec<&Field> = retry_after
                .into_iter()
                .chain(allow)
                .chain(challenge)
                .collect();
            let pat = pattern(input, v, &fields);
            let retry_after = retry_after.map(|f| {
                let b = binding(&f.member);
                at_span(&quote!(#p::retry_after(__headers, #b);), f.ty.span())
            });
            let allow = allow.map(|f| {
                let b = binding(&f.member);
                at_span(&quote!(#p::allow(__headers, #b);), f.ty.span())
            });
            let challenge = challenge.map(|f| {
                let b = binding(&f.member);
                at_span(&quote!(#p::www_authenticate(__headers, #b);), f.ty.span())
            });
            Some(quote!(#pat => { #retry_after #allow #challenge }))
        },
    )
}

/// `static_body`, for a type that forwards: a variant that answers as its field serves the
/// field's static body, which is not always its row's (the field may forward with a detail of
/// its own), retyped under a `type_base` as the row is (`static_body_under`); a `forward`
/// variant with a detail of its own has none. Other types keep the default, the row's.
fn static_body_fn(input: &Input, p: &TokenStream) -> TokenStream {
    if !input.variants.iter().any(Variant::answers_as_field) {
        return TokenStream::new();
    }
    let own_detail = |v: &Variant| v.forward_field().is_some() && v.forward_detail(input).is_some();
    let forward_call = if let Some(base) = &input.attrs.type_base {
        quote! {
            #p::static_body_under(
                #p::ApiStatus::static_body(__inner),
                #p::ApiStatus::variant(__inner),
                #base,
            )
        }
    } else {
        quote!(#p::ApiStatus::static_body(__inner))
    };
    partial_match(
        input,
        &quote! {
            #[allow(clippy::match_same_arms)]
            fn static_body(&self) -> ::core::option::Option<&'static [u8]>
        },
        &forward_call,
        &quote!(#p::VariantInfo::static_body(#p::ApiStatus::variant(self))),
        |v| {
            own_detail(v).then(|| {
                let pat = pattern(input, v, &[]);
                quote!(#pat => ::core::option::Option::None,)
            })
        },
    )
}
