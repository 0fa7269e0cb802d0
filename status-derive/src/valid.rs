//! Every rule that can reject an input, one function per rule, each pointing at the token to
//! change and saying what to write instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use syn::{LitInt, Member, Type};

use crate::ast::{member_name, Field, Input, ProblemType, RenameStyle, Variant, ABOUT_BLANK};
use crate::attr::HeaderText;
use crate::catalog::{registered, with_meaning, GRPC_CODES, RESERVED_MEMBERS};
use crate::ctxt::Ctxt;
use crate::template::FieldRef;

pub fn check(cx: &mut Ctxt, input: &Input) {
    not_empty(cx, input);
    crate_path(cx, input);
    subsets(cx, input);
    let base_ok = type_base(cx, input);
    grpc_domain(cx, input);
    rename_all(cx, input);
    strip_suffix(cx, input);
    let default_ok = input
        .attrs
        .status
        .as_ref()
        .map_or(true, |lit| status_literal(cx, lit));
    for variant in &input.variants {
        if variant.forward_field().is_some() {
            forwarding(cx, input, variant);
            continue;
        }
        if variant.is_transparent() {
            transparent(cx, variant);
            continue;
        }
        own_type(cx, variant);
        grpc_code(cx, variant);
        texts_not_blank(cx, variant, &["message", "description", "code"]);
        title(cx, input, variant);
        if base_ok {
            code_in_type(cx, input, variant);
        }
        let Some(lit) = variant.status_lit(input) else {
            if !variant.attrs.bad_status && !input.attrs.bad_status {
                has_status(cx, input, variant);
            }
            continue;
        };
        // The enum's default was checked once above: a bad one was reported there, and every
        // variant that takes it would only repeat that error.
        let status_ok = if variant.attrs.status.is_some() {
            status_literal(cx, lit)
        } else {
            default_ok
        };
        if !status_ok {
            continue;
        }
        let Some(status) = variant.status(input) else {
            continue;
        };
        registered_or_described(cx, input, variant, lit, status);
        message_or_display(cx, variant);
        template_fields(cx, variant);
        server_errors_hide_fields(cx, input, variant, status);
        expose_only_on_server_errors(cx, variant, status);
        www_authenticate(cx, input, variant, lit, status);
        allow(cx, input, variant, lit, status);
        retry_after(cx, variant, status);
        for field in &variant.fields {
            extension(cx, field);
        }
        unique_extensions(cx, variant);
    }
    unique_codes(cx, input);
    unique_types(cx, input, base_ok);
}

fn not_empty(cx: &mut Ctxt, input: &Input) {
    if input.is_enum && input.variants.is_empty() {
        cx.error_spanned(
            input.ident,
            "an empty enum has no values to respond with; add a variant such as \
             `#[status(404)] NotFound`",
        );
    }
}

/// Each `subset(Name = [...])` names a new type and some of the enum's variants, each once.
fn subsets(cx: &mut Ctxt, input: &Input) {
    let names: Vec<String> = input.variants.iter().map(|v| v.ident.to_string()).collect();
    for (index, subset) in input.attrs.subsets.iter().enumerate() {
        if !input.is_enum {
            cx.error_spanned(
                &subset.key,
                "`subset` goes on an enum: a struct is one variant, with nothing to leave out",
            );
            continue;
        }
        if !input.generics.params.is_empty() {
            cx.error_spanned(
                &subset.key,
                "`subset` is not supported on a generic enum; give the subset's variants an \
                 enum of their own",
            );
            continue;
        }
        let name = &subset.name;
        if name == input.ident {
            cx.error_spanned(
                name,
                format!("a subset is a type of its own: give it a new name, not `{name}`"),
            );
        }
        if let Some(first) = input.attrs.subsets[..index]
            .iter()
            .find(|s| s.name == *name)
        {
            cx.error_with_note(
                name,
                format!("a second subset named `{name}`; give each its own name"),
                &first.name,
                "first given here",
            );
        }
        if subset.variants.is_empty() {
            cx.push(syn::Error::new(
                subset.bracket_span,
                format!(
                    "`{name}` lists no variant; name the ones it answers with: `[NotFound, Db]`"
                ),
            ));
        }
        let display = input.attrs.display.is_some()
            || input
                .variants
                .iter()
                .any(|v| v.attrs.display.is_some() && subset.variants.contains(v.ident));
        if display && subset.derives.is_none() {
            cx.error_spanned(
                name,
                format!(
                    "with `display`, a detail is the `Display` text, so `{name}` needs the \
                     derive that writes it: `subset({name} = [...], derive(Debug, thiserror::Error))`"
                ),
            );
        }
        // As strings, each made once: comparing two idents makes both strings every time.
        let listed: Vec<String> = subset.variants.iter().map(ToString::to_string).collect();
        for (at, variant) in subset.variants.iter().enumerate() {
            if let Some(first) = listed[..at].iter().position(|v| *v == listed[at]) {
                let first = &subset.variants[first];
                cx.error_with_note(
                    variant,
                    format!("`{variant}` is listed twice in `{name}`; remove one"),
                    first,
                    "first given here",
                );
            } else if !names.contains(&listed[at]) {
                let known: Vec<&str> = names.iter().map(String::as_str).collect();
                let hint = match crate::attr::closest(&variant.to_string(), &known) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!(
                        "it has: {}",
                        known
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                cx.error_spanned(
                    variant,
                    format!("`{}` has no variant `{variant}`; {hint}", input.ident),
                );
            }
        }
    }
}

/// `crate = "..."` is a path; one that does not parse would be ignored without a word.
fn crate_path(cx: &mut Ctxt, input: &Input) {
    let Some(lit) = &input.attrs.krate else {
        return;
    };
    if lit.parse::<syn::Path>().is_err() {
        let value = lit.value();
        let what = if value.trim().is_empty() {
            "the path is empty".to_owned()
        } else {
            format!("`{value}` is not a path")
        };
        cx.error_spanned(
            lit,
            format!(
                "{what}; write the path to status-core, like `crate = \"::my_api::status_core\"`"
            ),
        );
    }
}

/// The literal is an error status in `400..=599`, written as a plain decimal number; returns
/// whether it is.
fn status_literal(cx: &mut Ctxt, lit: &LitInt) -> bool {
    if let Some(mistake) = not_plain_decimal(lit) {
        cx.error_spanned(
            lit,
            format!(
                "`{lit}` {mistake}; write the status as a plain decimal number: `{}`",
                lit.base10_digits()
            ),
        );
        return false;
    }
    let Ok(status) = lit.base10_parse::<u16>() else {
        cx.error_spanned(
            lit,
            format!("`{lit}` is not a status code; write a number in 400..=599, like `404`"),
        );
        return false;
    };
    if !(100..=599).contains(&status) {
        cx.error_spanned(
            lit,
            format!(
                "status {status} is outside 100..=599, where HTTP status codes lie; use a 4xx or \
                 5xx status, like `500`"
            ),
        );
        return false;
    }
    if status < 400 {
        cx.error_spanned(
            lit,
            format!(
                "status {status} is not an error; #[derive(ApiStatus)] maps errors, so use a 4xx \
                 or 5xx status"
            ),
        );
        return false;
    }
    true
}

/// What keeps an integer literal from being a plain decimal number, the one form a status or
/// a number of seconds reads the same in the source as in the response.
fn not_plain_decimal(lit: &LitInt) -> Option<&'static str> {
    let text = lit.to_string();
    if !lit.suffix().is_empty() {
        Some("has a type suffix")
    } else if text.starts_with("0x") {
        Some("is hexadecimal")
    } else if text.starts_with("0o") {
        Some("is octal")
    } else if text.starts_with("0b") {
        Some("is binary")
    } else if text.contains('_') {
        Some("has a digit separator")
    } else if text.len() > 1 && text.starts_with('0') {
        Some("has a leading zero")
    } else {
        None
    }
}

/// Whether the key was written, even with a value that could not be read (and was reported).
fn written(variant: &Variant, key: &str) -> bool {
    variant.attrs.keys.iter().any(|k| k == key)
}

/// Whether a field was given the key, even with a value it does not take (and was reported).
fn written_on_a_field(variant: &Variant, key: &str) -> bool {
    variant
        .fields
        .iter()
        .any(|field| field.attrs.keys.iter().any(|k| k == key))
}

fn has_status(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let default = if input.is_enum {
        ", or a default for every variant on the enum: `#[status(500)]`"
    } else {
        ""
    };
    cx.error_spanned(
        variant.ident,
        format!(
            "`{}` has no status; add `#[status(404)]` (or the code it answers with){default}",
            variant.ident
        ),
    );
}

fn transparent(cx: &mut Ctxt, variant: &Variant) {
    let Some(key) = &variant.attrs.transparent else {
        return;
    };
    if variant.fields.len() != 1 {
        cx.error_spanned(
            key,
            format!(
                "`transparent` forwards to exactly one field, and `{}` has {}; give it one field \
                 whose type implements ApiStatus",
                variant.ident,
                variant.fields.len()
            ),
        );
    }
    if let Some(lit) = &variant.attrs.status {
        cx.error_spanned(
            lit,
            "`transparent` takes the status from the field; remove the status code",
        );
    }
    for other in variant.attrs.keys.iter().filter(|k| *k != "transparent") {
        cx.error_spanned(
            other,
            format!("`transparent` forwards everything to the field; remove `{other}`"),
        );
    }
    for field in &variant.fields {
        let attrs = &field.attrs;
        let marked = attrs
            .extension
            .as_ref()
            .map(|e| &e.key)
            .or(attrs.retry_after.as_ref())
            .or(attrs.allow.as_ref())
            .or(attrs.www_authenticate.as_ref());
        if let Some(key) = marked {
            cx.error_spanned(
                key,
                format!("the field of a transparent variant answers for itself; remove `{key}`"),
            );
        }
    }
}

/// A variant with a `#[status(forward)]` field answers with that field's status, and with
/// everything that goes with a status (code, type, title, headers, members); only its detail
/// is its own.
fn forwarding(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let forwarded: Vec<(&Field, &syn::Ident)> = variant
        .fields
        .iter()
        .filter_map(|f| Some((f, f.attrs.forward.as_ref()?)))
        .collect();
    let Some(&(first, first_key)) = forwarded.first() else {
        return;
    };
    let name = member_name(&first.member);
    for (_, key) in &forwarded[1..] {
        cx.error_with_note(
            key,
            format!(
                "the status already comes from the `#[status(forward)]` field `{name}`; only one \
                 field can give the status: remove this `forward`"
            ),
            first_key,
            "first given here",
        );
    }
    let from = format!("the status comes from the `#[status(forward)]` field `{name}`");
    if let Some(lit) = &variant.attrs.status {
        cx.error_spanned(
            lit,
            format!("{from}; remove the status code (the field's type gives it)"),
        );
    }
    for key in &variant.attrs.keys {
        let why = match key.to_string().as_str() {
            "code" => {
                "and its code with it, since a client tells a variant by its code and status \
                 together"
            }
            "type" | "title" | "type_base" => "and its problem type and title with it",
            "www_authenticate" | "allow" | "retry_after" => "and the headers that go with it",
            "grpc" => "and the gRPC code follows the status",
            "description" => "whose type describes each status it answers with",
            "transparent" => {
                cx.error_spanned(
                    key,
                    format!(
                        "{from}, and `transparent` would forward the detail too; remove \
                         `transparent` to keep this variant's message, or `forward` to forward \
                         everything"
                    ),
                );
                continue;
            }
            _ => continue,
        };
        cx.error_spanned(key, format!("{from}, {why}; remove `{key}`"));
    }
    for field in &variant.fields {
        let attrs = &field.attrs;
        let marked = [
            attrs.extension.as_ref().map(|e| &e.key),
            attrs.retry_after.as_ref(),
            attrs.allow.as_ref(),
            attrs.www_authenticate.as_ref(),
        ];
        for key in marked.into_iter().flatten() {
            if attrs.forward.is_some() {
                cx.error_spanned(
                    key,
                    format!(
                        "the forwarded field answers for itself, with its own headers and \
                         members; remove `{key}`"
                    ),
                );
            } else {
                let what = if key == "extension" {
                    "member"
                } else {
                    "header"
                };
                cx.error_spanned(
                    key,
                    format!(
                        "{from}, and the responses are documented as that field's, so this \
                         {what} would go undocumented; remove `{key}`"
                    ),
                );
            }
        }
    }
    texts_not_blank(cx, variant, &["message"]);
    message_or_display(cx, variant);
    template_fields(cx, variant);
    if let Some(expose) = &variant.attrs.expose {
        if variant.forward_detail(input).is_none() {
            cx.error_spanned(
                expose,
                "`expose` shows this variant's own detail when the forwarded status is a 5xx, \
                 and it has none; add `message = \"...\"` or `display`, or remove `expose`",
            );
        }
    }
}

/// Every variant has a description for clients: its own, or the registry's for its status.
fn registered_or_described(
    cx: &mut Ctxt,
    input: &Input,
    variant: &Variant,
    lit: &LitInt,
    status: u16,
) {
    if with_meaning(status).is_some() || variant.description(input).is_some() {
        return;
    }
    if written(variant, "description") {
        // Written with a value that could not be read, which is reported already.
        return;
    }
    let why = match registered(status) {
        Some(entry) => format!(
            "{status} is reserved as unused in IANA's registry ({}), so it has no meaning to \
             describe to clients",
            entry.reference
        ),
        None => format!(
            "{status} is not a registered HTTP status, so there is no standard text to describe it \
             to clients"
        ),
    };
    let ident = variant.ident;
    let fix = match (&variant.doc, variant.publishes_doc(input)) {
        (_, true) => {
            format!("describe it with `description = \"...\"` or a doc comment on `{ident}`")
        }
        (Some(_), false) if input.attrs.private_docs.is_some() => format!(
            "`private_docs` keeps the doc comment on `{ident}` for developers: describe it for \
             clients with `description = \"...\"`"
        ),
        (Some(_), false) => format!(
            "the doc comment on `{ident}` is not published, since that of a 5xx may tell of the \
             server's inner parts: describe it for clients with `description = \"...\"`"
        ),
        (None, false) => "describe it for clients with `description = \"...\"`".to_owned(),
    };
    let message = format!("{why}; {fix}");
    if variant.attrs.status.is_some() || !input.is_enum {
        cx.error_spanned(lit, message);
    } else {
        cx.error_spanned(variant.ident, message);
    }
}

/// `message`, `description` and `code` (those of them in `keys`) are read by people or
/// matched by programs; an empty one says nothing, and the default it replaces would say more.
fn texts_not_blank(cx: &mut Ctxt, variant: &Variant, keys: &[&str]) {
    let attrs = &variant.attrs;
    let texts = [
        (
            &attrs.message,
            "message",
            "write the detail a client reads, like `message = \"user {id} not found\"`, or remove \
             `message` to send the description",
        ),
        (
            &attrs.description,
            "description",
            "write what the error means, like \
             `description = \"The order has shipped and can no longer change.\"`, or remove \
             `description`",
        ),
        (
            &attrs.code,
            "code",
            "clients match on it, so name the error, like `code = \"user_not_found\"`, or remove \
             `code` to take the variant's name in snake case",
        ),
    ];
    for (lit, key, fix) in texts {
        let Some(lit) = lit.as_ref().filter(|_| keys.contains(&key)) else {
            continue;
        };
        let value = lit.value();
        if value.trim().is_empty() {
            let what = if value.is_empty() {
                "is empty"
            } else {
                "is only whitespace"
            };
            cx.error_spanned(lit, format!("the {key} {what}; {fix}"));
        }
    }
}

fn message_or_display(cx: &mut Ctxt, variant: &Variant) {
    if let (Some(_), Some(display)) = (&variant.attrs.message, &variant.attrs.display) {
        cx.error_spanned(
            display,
            "choose one: `message` writes the detail from a template, `display` from the Display \
             impl",
        );
    }
}

fn template_fields(cx: &mut Ctxt, variant: &Variant) {
    let Some(template) = &variant.template else {
        return;
    };
    for (field, _) in template.fields() {
        if find_field(variant, field).is_none() {
            cx.error_spanned(&template.lit, missing_field(variant, field));
        }
    }
}

fn find_field<'v>(variant: &'v Variant<'v>, wanted: &FieldRef) -> Option<&'v Field<'v>> {
    variant
        .fields
        .iter()
        .find(|field| match (&field.member, wanted) {
            (Member::Named(ident), FieldRef::Named(name)) => {
                *ident == name || *ident == format!("r#{name}")
            }
            (Member::Unnamed(index), FieldRef::Index(i)) => index.index as usize == *i,
            _ => false,
        })
}

fn missing_field(variant: &Variant, wanted: &FieldRef) -> String {
    let names: Vec<String> = variant
        .fields
        .iter()
        .map(|f| match &f.member {
            Member::Named(ident) => format!("`{{{ident}}}`"),
            Member::Unnamed(index) => format!("`{{{}}}`", index.index),
        })
        .collect();
    if names.is_empty() {
        format!(
            "the message names `{{{wanted}}}`, but `{}` has no fields",
            variant.ident
        )
    } else {
        format!(
            "the message names `{{{wanted}}}`, but `{}` has {}; use one of those",
            variant.ident,
            names.join(", ")
        )
    }
}

fn server_errors_hide_fields(cx: &mut Ctxt, input: &Input, variant: &Variant, status: u16) {
    if status < 500 || variant.may_show_fields(input) {
        return;
    }
    if let Some(template) = variant.template.as_ref().filter(|t| t.has_fields()) {
        cx.error_spanned(
            &template.lit,
            format!(
                "a {status} detail goes to the client, and field values can leak internals; add \
                 `expose` if they are safe to show, or drop them from the message"
            ),
        );
    }
    if let Some(display) = &variant.attrs.display {
        cx.error_spanned(
            display,
            format!(
                "a {status} detail goes to the client, and Display of an inner error can leak \
                 internals; add `expose` if it is safe to show, or remove `display`"
            ),
        );
    }
}

fn expose_only_on_server_errors(cx: &mut Ctxt, variant: &Variant, status: u16) {
    if let Some(expose) = variant.attrs.expose.as_ref().filter(|_| status < 500) {
        cx.error_spanned(
            expose,
            format!(
                "`expose` opts a 5xx detail in to showing fields; a {status} shows them already, \
                 remove it"
            ),
        );
    }
}

fn www_authenticate(cx: &mut Ctxt, input: &Input, variant: &Variant, lit: &LitInt, status: u16) {
    let fields: Vec<&syn::Ident> = variant
        .fields
        .iter()
        .filter_map(|f| f.attrs.www_authenticate.as_ref())
        .collect();
    if let [first, second, ..] = fields[..] {
        cx.error_with_note(
            second,
            "only one field can give the WWW-Authenticate challenge; keep one \
             `#[status(www_authenticate)]`",
            first,
            "first given here",
        );
    }
    let key = &variant.attrs.www_authenticate;
    if status != 401 {
        let message = format!(
            "WWW-Authenticate goes with 401 (RFC 9110 section 11.6.1), not {status}; remove it"
        );
        if let Some(value) = key {
            cx.error_spanned(value, &message);
        }
        if let Some(first) = fields.first() {
            cx.error_spanned(first, message);
        }
        return;
    }
    match (key, fields.first()) {
        (None, None)
            if !written(variant, "www_authenticate")
                && !written_on_a_field(variant, "www_authenticate") =>
        {
            cx.error_spanned(
            lit,
            "status 401 needs a challenge (RFC 9110 section 15.5.2): add \
             `www_authenticate = \"Basic realm=\\\"...\\\"\"` or `www_authenticate = \"Bearer\"`, a \
             constant (`www_authenticate = REALM`), or `#[status(www_authenticate)]` on a field",
            );
        }
        (Some(value), Some(field)) => cx.error_with_note(
            field,
            "the challenge is given on the variant already; keep one: remove this \
             `www_authenticate`, or the variant's",
            value,
            "first given here",
        ),
        (Some(HeaderText::Lit(value)), None) => header_value(cx, value),
        (Some(HeaderText::Const(path)), None) => header_const(cx, input, path),
        _ => {}
    }
}

/// A header constant is named from outside any impl, where `Self` means nothing.
fn header_const(cx: &mut Ctxt, input: &Input, path: &syn::ExprPath) {
    let Some(first) = path.path.segments.first() else {
        return;
    };
    if path.qself.is_none() && first.ident == "Self" {
        let rest: Vec<String> = path
            .path
            .segments
            .iter()
            .skip(1)
            .map(|segment| segment.ident.to_string())
            .collect();
        cx.error_spanned(
            path,
            format!(
                "`Self` names nothing where the header is read (the table is built outside the \
                 impl); name the type: `{}::{}`",
                input.ident,
                rest.join("::")
            ),
        );
    }
}

fn allow(cx: &mut Ctxt, input: &Input, variant: &Variant, lit: &LitInt, status: u16) {
    let field = variant.allow_field();
    match (&variant.attrs.allow, field, status) {
        (None, None, 405)
            if !written(variant, "allow") && !written_on_a_field(variant, "allow") =>
        {
            cx.error_spanned(
                lit,
                "a 405 response must list the allowed methods (RFC 9110 section 15.5.6): add \
                 `allow = \"GET, HEAD\"` or mark a field `#[status(allow)]`",
            );
        }
        (Some(HeaderText::Const(path)), None, 405) => header_const(cx, input, path),
        (Some(HeaderText::Lit(value)), None, 405) => {
            let bad = value
                .value()
                .split(',')
                .map(str::trim)
                .find(|m| m.is_empty() || !m.bytes().all(is_tchar))
                .map(str::to_owned);
            if let Some(bad) = bad {
                let what = if bad.is_empty() {
                    "an empty method name".to_owned()
                } else {
                    format!("`{bad}` is not a method")
                };
                cx.error_spanned(
                    value,
                    format!(
                        "{what}; list methods separated by commas, like `allow = \"GET, HEAD\"`"
                    ),
                );
            }
        }
        (Some(value), Some(_), 405) => {
            cx.error_spanned(value, "`allow` is given both here and by a field; keep one");
        }
        (Some(value), _, _) => cx.error_spanned(
            value,
            format!("Allow goes with 405 (RFC 9110 section 10.2.1), not {status}; remove it"),
        ),
        (None, Some(field), _) if status != 405 => {
            let key = field.attrs.allow.as_ref().map_or_else(
                || field.ty as &dyn quote::ToTokens,
                |k| k as &dyn quote::ToTokens,
            );
            cx.error_spanned(
                key,
                format!("Allow goes with 405 (RFC 9110 section 10.2.1), not {status}; remove it"),
            );
        }
        _ => {}
    }
    let mut marked = variant.fields.iter().filter_map(|f| f.attrs.allow.as_ref());
    if let Some(second) = marked.nth(1) {
        cx.error_spanned(
            second,
            "only one field can give the Allow header; keep one `#[status(allow)]`",
        );
    }
}

fn retry_after(cx: &mut Ctxt, variant: &Variant, status: u16) {
    let marked: Vec<&Field> = variant
        .fields
        .iter()
        .filter(|f| f.attrs.retry_after.is_some())
        .collect();
    if let Some(second) = marked.get(1).and_then(|f| f.attrs.retry_after.as_ref()) {
        cx.error_spanned(
            second,
            "only one field can give the Retry-After header; keep one `#[status(retry_after)]`",
        );
    }
    if let (Some(lit), Some(_)) = (&variant.attrs.retry_after, marked.first()) {
        cx.error_spanned(
            lit,
            "`retry_after` is given both here and by a field; keep one",
        );
    }
    if let Some(lit) = &variant.attrs.retry_after {
        if let Some(mistake) = not_plain_decimal(lit) {
            cx.error_spanned(
                lit,
                format!(
                    "`{lit}` {mistake}; write the seconds as a plain decimal number: \
                     `retry_after = {}`",
                    lit.base10_digits()
                ),
            );
        } else if lit.base10_parse::<u32>().is_err() {
            cx.error_spanned(
                lit,
                "`retry_after` is whole seconds: a non-negative integer like `30`",
            );
        }
    }
    let key = variant
        .attrs
        .retry_after
        .as_ref()
        .map(|l| l as &dyn quote::ToTokens)
        .or_else(|| {
            marked
                .first()
                .and_then(|f| f.attrs.retry_after.as_ref())
                .map(|k| k as &dyn quote::ToTokens)
        });
    if let Some(key) = key {
        if ![413, 429, 503].contains(&status) {
            cx.error_spanned(
                key,
                format!(
                    "Retry-After means nothing on a {status}; it goes with 429 (RFC 6585 section \
                     4), 503 and 413 (RFC 9110 section 10.2.3)"
                ),
            );
        }
    }
    if let Some(field) = marked.first() {
        retry_after_type(cx, field);
    }
}

/// Rejects the field types that plainly are not seconds; the rest meet a trait bound.
fn retry_after_type(cx: &mut Ctxt, field: &Field) {
    let Type::Path(path) = peel(field.ty) else {
        cx.error_spanned(
            field.ty,
            "`retry_after` needs whole seconds: an unsigned integer or `std::time::Duration`",
        );
        return;
    };
    let Some(last) = path.path.segments.last() else {
        return;
    };
    let name = last.ident.to_string();
    if [
        "String",
        "str",
        "f32",
        "f64",
        "bool",
        "char",
        "i8",
        "i16",
        "i32",
        "i64",
        "i128",
        "isize",
        "Vec",
        "Instant",
        "SystemTime",
    ]
    .contains(&name.as_str())
    {
        cx.error_spanned(
            field.ty,
            format!(
                "`retry_after` needs whole seconds: an unsigned integer or `std::time::Duration`, \
                 not `{name}`"
            ),
        );
    }
}

fn peel(ty: &Type) -> &Type {
    match ty {
        Type::Reference(r) => peel(&r.elem),
        Type::Paren(p) => peel(&p.elem),
        Type::Group(g) => peel(&g.elem),
        other => other,
    }
}

fn extension(cx: &mut Ctxt, field: &Field) {
    let Some(extension) = &field.attrs.extension else {
        return;
    };
    let Some(name) = field.extension_name() else {
        cx.error_spanned(
            &extension.key,
            "a tuple field has no name to use as the member's; name it: \
             `#[status(extension = \"errors\")]`",
        );
        return;
    };
    let at: &dyn quote::ToTokens = match &extension.name {
        Some(lit) => lit,
        None => &extension.key,
    };
    if RESERVED_MEMBERS.contains(&name.as_str()) {
        cx.error_spanned(
            at,
            format!(
                "`{name}` is a standard Problem Details member, not an extension; rename it: \
                 `extension = \"{name}_value\"`"
            ),
        );
    } else if name.is_empty() {
        cx.error_spanned(at, "an extension needs a name: `extension = \"errors\"`");
    }
}

fn unique_extensions(cx: &mut Ctxt, variant: &Variant) {
    let mut seen: Vec<String> = Vec::new();
    for field in &variant.fields {
        let (Some(name), Some(extension)) = (field.extension_name(), &field.attrs.extension) else {
            continue;
        };
        if seen.contains(&name) {
            let at: &dyn quote::ToTokens = match &extension.name {
                Some(lit) => lit,
                None => &extension.key,
            };
            cx.error_spanned(
                at,
                format!(
                    "another field is already the extension `{name}`; name this one differently: \
                     `extension = \"{name}_2\"`"
                ),
            );
        } else {
            seen.push(name);
        }
    }
}

/// A code tells clients which error happened. The 5xx variants of one status without a code
/// of their own share their status's: to a client they are one error.
fn unique_codes(cx: &mut Ctxt, input: &Input) {
    let mut seen: BTreeMap<String, &Variant> = BTreeMap::new();
    for variant in input.variants.iter().filter(|v| !v.answers_as_field()) {
        let code = variant.code(input);
        if code.trim().is_empty() {
            // Reported by `texts_not_blank`.
            continue;
        }
        if let Some(bad) = code
            .chars()
            .find(|c| c.is_control() || *c == '"' || *c == '\\')
        {
            cx.error_spanned(
                &variant.attrs.code,
                format!(
                    "{bad:?} has no place in a machine-readable code; use letters, digits and `_`, \
                     like `\"user_not_found\"`"
                ),
            );
            continue;
        }
        let Some(first) = seen.get(&code) else {
            seen.insert(code, variant);
            continue;
        };
        let shared_status_code = variant.status(input) == first.status(input)
            && (variant.takes_status_code(input) || first.takes_status_code(input));
        if shared_status_code {
            continue;
        }
        let first = first.ident;
        let ident = variant.ident;
        match &variant.attrs.code {
            Some(lit) => cx.error_spanned(
                lit,
                format!(
                    "`{first}` has the code `{code}` too; codes tell clients which error happened, \
                     so make this one differ"
                ),
            ),
            None if variant.takes_status_code(input) => cx.error_spanned(
                ident,
                format!(
                    "`{first}` has the code `{code}` too, and `{ident}` takes the code of its \
                     status, as a 5xx without a code does; give it its own: `code = \"...\"`"
                ),
            ),
            None => {
                let renamed = match (&input.attrs.rename_all, &input.attrs.strip_suffix) {
                    (None, None) => "",
                    (Some(_), None) => ", as `rename_all` spells it",
                    (None, Some(_)) => ", without the `strip_suffix`",
                    (Some(_), Some(_)) => {
                        ", without the `strip_suffix` and as `rename_all` spells it"
                    }
                };
                cx.error_spanned(
                    ident,
                    format!(
                        "`{first}` has the code `{code}` too, and `{ident}` takes its code from \
                         its name{renamed}; give it its own: `code = \"...\"`"
                    ),
                );
            }
        }
    }
}

fn header_value(cx: &mut Ctxt, value: &syn::LitStr) {
    let text = value.value();
    if text.trim().is_empty() {
        cx.error_spanned(
            value,
            "the header value is empty; write the challenge, like `\"Bearer\"`",
        );
    } else if let Some(bad) = text
        .chars()
        .find(|c| !(*c == '\t' || (' '..='~').contains(c)))
    {
        cx.error_spanned(
            value,
            format!("{bad:?} cannot appear in a header value; use visible ASCII, spaces and tabs"),
        );
    }
}

/// A `tchar` of RFC 9110 section 5.6.2, the characters of a method name.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The example the messages about problem types suggest.
const TYPE_EXAMPLE: &str = "https://api.example.com/problems/out_of_credit";

/// `type_base = "..."` is a URI reference each code can be appended to; returns whether the
/// variants' types can be built on it, so that they are checked (and not otherwise).
fn type_base(cx: &mut Ctxt, input: &Input) -> bool {
    let Some(lit) = &input.attrs.type_base else {
        return false;
    };
    if !input.is_enum && input.variants.iter().any(Variant::answers_as_field) {
        // `transparent` and `forward` reject the key themselves.
        return false;
    }
    let base = lit.value();
    if let Some(mistake) = uri_mistake("type_base", &base) {
        cx.error_spanned(lit, mistake);
        return false;
    }
    if !base.ends_with('/') && !base.ends_with('#') {
        let code = input
            .variants
            .iter()
            .find(|v| !v.answers_as_field())
            .map_or_else(|| "user_not_found".to_owned(), |v| v.code(input));
        cx.error_spanned(
            lit,
            format!(
                "each variant's code is appended to `type_base`, which would give `{base}{code}`; \
                 end it with `/` (or `#`): write `type_base = \"{base}/\"`"
            ),
        );
        return false;
    }
    true
}

/// `rename_all = "..."` is one of serde's styles, spelled as serde spells it.
fn rename_all(cx: &mut Ctxt, input: &Input) {
    let Some(lit) = &input.attrs.rename_all else {
        return;
    };
    let style = lit.value();
    if RenameStyle::from_name(&style).is_some() {
        return;
    }
    let names: Vec<&str> = RenameStyle::ALL.iter().map(|(name, _)| *name).collect();
    // The same words, another spelling (`kebab_case`, `SnakeCase`), else a typo.
    let squash = |name: &str| name.to_lowercase().replace(['-', '_', ' '], "");
    let best = names
        .iter()
        .find(|name| squash(name) == squash(&style))
        .copied()
        .or_else(|| crate::attr::closest(&style, &names));
    let hint = best.map_or_else(String::new, |best| format!("did you mean `{best}`? "));
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    cx.error_spanned(
        lit,
        format!(
            "unknown `rename_all` style `{style}`; {hint}the styles are serde's: {}",
            quoted.join(", ")
        ),
    );
}

/// `strip_suffix = "..."` names the suffix to drop; an empty one drops nothing.
fn strip_suffix(cx: &mut Ctxt, input: &Input) {
    let Some(lit) = &input.attrs.strip_suffix else {
        return;
    };
    if lit.value().is_empty() {
        cx.error_spanned(
            lit,
            "`strip_suffix` is empty; write the suffix to drop from variant names before they \
             become codes, like `strip_suffix = \"Error\"`, or remove it",
        );
    }
}

/// `grpc = "..."` names an error code of gRPC.
fn grpc_code(cx: &mut Ctxt, variant: &Variant) {
    let Some(lit) = &variant.attrs.grpc else {
        return;
    };
    let name = lit.value();
    if name == "ok" {
        cx.error_spanned(
            lit,
            "`ok` is gRPC's code for success, and this is an error; name the code clients should \
             see, like `grpc = \"not_found\"`, or remove `grpc` to map the status",
        );
    } else if !GRPC_CODES.contains(&name.as_str()) {
        let hint = match crate::attr::closest(&name.to_lowercase(), &GRPC_CODES[1..]) {
            Some(best) => format!("did you mean `grpc = \"{best}\"`?"),
            None => format!("the codes are {}", GRPC_CODES[1..].join(", ")),
        };
        cx.error_spanned(
            lit,
            format!(
                "`{name}` is not a gRPC code; {hint} (the names of `tonic::Code`, in snake case)"
            ),
        );
    }
}

/// `grpc_domain = "..."` is a domain name, as `ErrorInfo.domain` is (`pubsub.googleapis.com`).
fn grpc_domain(cx: &mut Ctxt, input: &Input) {
    let Some(lit) = &input.attrs.grpc_domain else {
        return;
    };
    let domain = lit.value();
    let label_ok = |label: &str| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !domain.split('.').all(label_ok) {
        let host = domain
            .split("://")
            .last()
            .and_then(|rest| rest.split('/').next())
            .filter(|host| host.split('.').all(label_ok))
            .unwrap_or("api.example.com");
        cx.error_spanned(
            lit,
            format!(
                "`grpc_domain` is a domain name, the service's own, with no scheme or path: write \
                 `grpc_domain = \"{host}\"`"
            ),
        );
    }
}

/// `type = "..."` is a URI reference that names the problem wherever the response is served.
fn own_type(cx: &mut Ctxt, variant: &Variant) {
    let Some(lit) = &variant.attrs.type_uri else {
        return;
    };
    if let Some(mistake) = uri_mistake("type", &lit.value()) {
        cx.error_spanned(lit, mistake);
    }
}

/// A type built from `type_base` holds the code, which must then be URI text too.
fn code_in_type(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    if !matches!(variant.problem_type(input), Some(ProblemType::Base(_))) {
        return;
    }
    let code = variant.code(input);
    // A blank code is reported by `texts_not_blank`, and one with a quote, a backslash or a
    // control character by `unique_codes`.
    if code.trim().is_empty()
        || code
            .chars()
            .any(|c| c.is_control() || c == '"' || c == '\\')
    {
        return;
    }
    let Some((position, bad)) = first_non_uri_char(&code) else {
        return;
    };
    let problem = format!(
        "the type of `{}` is `type_base` followed by its code `{code}`, and {} at position \
         {position} of the code cannot appear in a URI (RFC 3986 section 2)",
        variant.ident,
        char_name(bad)
    );
    match &variant.attrs.code {
        Some(lit) => cx.error_spanned(
            lit,
            format!(
                "{problem}; use letters, digits and `_` in the code, like \
                 `code = \"user_not_found\"`, or give the variant a type of its own: \
                 `type = \"{TYPE_EXAMPLE}\"`"
            ),
        ),
        None => cx.error_spanned(
            variant.ident,
            format!(
                "{problem}; give it a code of ASCII letters, digits and `_` with `code = \"...\"`, \
                 or a type of its own: `type = \"{TYPE_EXAMPLE}\"`"
            ),
        ),
    }
}

/// A title names a problem type; `about:blank` has the status phrase for one.
fn title(cx: &mut Ctxt, input: &Input, variant: &Variant) {
    let Some(lit) = &variant.attrs.title else {
        return;
    };
    if lit.value().trim().is_empty() {
        cx.error_spanned(
            lit,
            "the title is empty; write a short summary of the problem type, like \
             `title = \"You do not have enough credit\"`, or remove `title`",
        );
        return;
    }
    let which = if input.is_enum {
        "the variant"
    } else {
        "the struct"
    };
    if variant
        .attrs
        .type_uri
        .as_ref()
        .map(syn::LitStr::value)
        .as_deref()
        == Some(ABOUT_BLANK)
    {
        cx.error_spanned(
            lit,
            format!(
                "the title of `about:blank` is the status phrase (RFC 9457 section 4.2.1); give \
                 {which} a type of its own, like `type = \"{TYPE_EXAMPLE}\"`, or remove `title`"
            ),
        );
        return;
    }
    // Also when the value of `type` or `type_base` could not be read, which is reported already.
    let typed = written(variant, "type") || input.attrs.keys.iter().any(|k| k == "type_base");
    if !typed {
        let base = if input.is_enum {
            " (or `type_base = \"https://api.example.com/problems/\"` to the enum)"
        } else {
            ""
        };
        cx.error_spanned(
            lit,
            format!(
                "without a type the problem is `about:blank`, whose title is the status phrase \
                 (RFC 9457 section 4.2.1); add `type = \"{TYPE_EXAMPLE}\"` to {which}{base}, or \
                 remove `title`"
            ),
        );
    }
}

/// A problem type is used with one status (RFC 9457 section 4), so two variants of one type
/// answer alike.
fn unique_types(cx: &mut Ctxt, input: &Input, base_ok: bool) {
    let mut seen: BTreeMap<String, (&Variant, u16)> = BTreeMap::new();
    for variant in input.variants.iter().filter(|v| !v.answers_as_field()) {
        let usable = match variant.problem_type(input) {
            Some(ProblemType::Own(lit)) => uri_mistake("type", &lit.value()).is_none(),
            Some(ProblemType::Base(_)) => {
                base_ok && first_non_uri_char(&variant.code(input)).is_none()
            }
            None => false,
        };
        let status = variant
            .status(input)
            .filter(|status| (400..=599).contains(status));
        let (true, Some(uri), Some(status)) = (usable, variant.type_uri(input), status) else {
            continue;
        };
        let Some(&(first, first_status)) = seen.get(&uri) else {
            seen.insert(uri, (variant, status));
            continue;
        };
        if first_status == status {
            continue;
        }
        let message = if variant.attrs.type_uri.is_some() {
            format!(
                "`{}` has the type `{uri}` too, with status {first_status}; a problem type goes \
                 with one status (RFC 9457 section 4), so give `{}` a type of its own, or make the \
                 statuses agree",
                first.ident, variant.ident
            )
        } else {
            format!(
                "`type_base` gives `{}` the type `{uri}` from its code, and `{}` has it too, with \
                 status {first_status}; a problem type goes with one status (RFC 9457 section 4), \
                 so give `{}` a type of its own (`type = \"...\"`) or another code",
                variant.ident, first.ident, variant.ident
            )
        };
        cx.error_with_note(
            type_token(variant),
            message,
            type_token(first),
            format!("first given here, with status {first_status}"),
        );
    }
}

/// The token a variant's type comes from: its `type`, else its `code`, else its name.
fn type_token<'v>(variant: &'v Variant) -> &'v dyn quote::ToTokens {
    match (&variant.attrs.type_uri, &variant.attrs.code) {
        (Some(lit), _) | (None, Some(lit)) => lit,
        (None, None) => variant.ident,
    }
}

/// What is wrong with `text` as the value of `key` (`type` or `type_base`), if anything.
///
/// RFC 9457 section 3.1.1 recommends an absolute URI, or a full path when the reference is
/// relative: any other reference resolves against the URL of the request, so one problem
/// would have a different type on every path.
fn uri_mistake(key: &str, text: &str) -> Option<String> {
    if text.is_empty() {
        return Some(if key == "type_base" {
            "`type_base` is empty; write the URI each variant's code is appended to, like \
             `type_base = \"https://api.example.com/problems/\"`, or remove it"
                .to_owned()
        } else {
            format!(
                "the type is empty; write a URI that names the problem, like \
                 `type = \"{TYPE_EXAMPLE}\"`, or remove `type` to leave it `about:blank`"
            )
        });
    }
    if let Some((position, bad)) = first_non_uri_char(text) {
        return Some(format!(
            "{} at position {position} cannot appear in a URI (RFC 3986 section 2); percent-encode \
             it as `{}` or leave it out",
            char_name(bad),
            percent_encoded(bad)
        ));
    }
    if has_scheme(text) || (text.starts_with('/') && !text.starts_with("//")) {
        return None;
    }
    if let Some(rest) = text.strip_prefix("//") {
        return Some(format!(
            "`{text}` is a network-path reference (RFC 3986 section 4.2): it takes the scheme of \
             each request's URL, so the type would change with how the API is reached; write the \
             scheme: `{key} = \"https://{rest}\"`"
        ));
    }
    let first_segment = text.split(['/', '?', '#']).next().unwrap_or_default();
    let fix = if first_segment.contains('.') {
        format!("write the scheme: `{key} = \"https://{text}\"`")
    } else {
        format!("write `{key} = \"https://api.example.com/{text}\"` or `{key} = \"/{text}\"`")
    };
    Some(format!(
        "`{text}` is a relative reference: clients resolve it against each request's URL, so a \
         problem would get a different type on every path; RFC 9457 section 3.1.1 recommends an \
         absolute URI, or a full path when relative: {fix}"
    ))
}

/// Whether `text` starts with a scheme (RFC 3986 section 3.1): a letter, then letters,
/// digits, `+`, `-` and `.`, then `:`.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The first character of `text` a URI cannot hold, with its position counted from 1: what
/// `status_core::VariantInfo::with_type` refuses (space, `"`, `<`, `>`, `\`, `^`, backtick,
/// `{`, `|`, `}`, control and non-ASCII characters).
fn first_non_uri_char(text: &str) -> Option<(usize, char)> {
    text.chars()
        .enumerate()
        .find(|(_, c)| !c.is_ascii_graphic() || "\"<>\\^`{|}".contains(*c))
        .map(|(index, c)| (index + 1, c))
}

/// `c` as a message names it: "the space", "the control character '\n'", "'{'".
fn char_name(c: char) -> String {
    if c == ' ' {
        "the space".to_owned()
    } else if c.is_control() {
        format!("the control character {c:?}")
    } else if !c.is_ascii() {
        format!("the non-ASCII character {c:?}")
    } else {
        format!("{c:?}")
    }
}

/// `c` percent-encoded, byte by byte of its UTF-8 form: `%20`, `%C3%A9`.
fn percent_encoded(c: char) -> String {
    let mut buf = [0; 4];
    c.encode_utf8(&mut buf)
        .bytes()
        .fold(String::new(), |mut out, b| {
            let _ = write!(out, "%{b:02X}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::ui_stderr::messages;

    /// What the derive reports for an enum with these variants.
    fn check_enum(variants: &str) -> Vec<String> {
        messages(&format!("#[derive(ApiStatus)] enum E {{ {variants} }}"))
    }

    #[test]
    fn the_bounds_of_each_rule_are_where_the_rfcs_put_them() {
        // Zero seconds is a plain decimal: retry at once.
        assert!(check_enum("#[status(429, retry_after = 0)] A").is_empty());
        // A 500 may opt in to showing fields, like every 5xx.
        assert!(check_enum("#[status(500, expose, message = \"{0}\")] A(u8)").is_empty());
        // Every 5xx, not only 500, hides fields unless told otherwise.
        assert_eq!(
            check_enum("#[status(503, message = \"{0}\")] A(u8)"),
            ["a 503 detail goes to the client, and field values can leak internals; add `expose` if they are safe to show, or drop them from the message"]
        );
    }

    #[test]
    fn a_registered_status_needs_no_description_and_an_unregistered_one_a_public_one() {
        for status in [409, 410, 413, 422, 451, 501, 504, 511] {
            assert!(
                check_enum(&format!("#[status({status})] A")).is_empty(),
                "{status}"
            );
        }
        assert!(check_enum("/// Closed.\n#[status(499)] A").is_empty());
        assert!(check_enum("#[status(599, description = \"Down.\")] A").is_empty());
        let unregistered = "499 is not a registered HTTP status, so there is no standard text to describe it to clients";
        assert_eq!(
            check_enum("#[status(499)] A"),
            [format!(
                "{unregistered}; describe it with `description = \"...\"` or a doc comment on `A`"
            )]
        );
        // A 5xx's doc comment is not published, nor a 4xx's under `private_docs`.
        assert_eq!(
            check_enum("/// Internal.\n#[status(599)] A"),
            ["599 is not a registered HTTP status, so there is no standard text to describe it to clients; the doc comment on `A` is not published, since that of a 5xx may tell of the server's inner parts: describe it for clients with `description = \"...\"`"]
        );
        assert_eq!(
            messages("#[derive(ApiStatus)] #[status(private_docs)] enum E { /// Closed.\n#[status(499)] A }"),
            [format!("{unregistered}; `private_docs` keeps the doc comment on `A` for developers: describe it for clients with `description = \"...\"`")]
        );
        assert_eq!(
            check_enum("#[status(599)] A"),
            ["599 is not a registered HTTP status, so there is no standard text to describe it to clients; describe it for clients with `description = \"...\"`"]
        );
    }

    #[test]
    fn the_server_errors_of_one_status_share_its_code_unless_both_name_one() {
        assert!(check_enum("#[status(500)] A, #[status(500)] B").is_empty());
        assert!(
            check_enum("#[status(500, code = \"internal_server_error\")] A, #[status(500)] B")
                .is_empty()
        );
        assert_eq!(
            check_enum("#[status(500, code = \"x\")] A, #[status(500, code = \"x\")] B"),
            ["`A` has the code `x` too; codes tell clients which error happened, so make this one differ"]
        );
        assert_eq!(
            check_enum("#[status(503, code = \"internal_server_error\")] A, #[status(500)] B"),
            ["`A` has the code `internal_server_error` too, and `B` takes the code of its status, as a 5xx without a code does; give it its own: `code = \"...\"`"]
        );
        assert_eq!(
            check_enum("#[status(404, code = \"b\")] A, #[status(410)] B"),
            ["`A` has the code `b` too, and `B` takes its code from its name; give it its own: `code = \"...\"`"]
        );
    }

    #[test]
    fn a_code_holds_no_quote_backslash_or_control_character() {
        for (code, shown) in [("a\\\"b", "'\"'"), ("a\\\\b", "'\\\\'"), ("a\\tb", "'\\t'")] {
            assert_eq!(
                check_enum(&format!("#[status(404, code = \"{code}\")] A")),
                [format!("{shown} has no place in a machine-readable code; use letters, digits and `_`, like `\"user_not_found\"`")]
            );
        }
    }

    #[test]
    fn codes_are_checked_against_the_type_base_of_an_enum_and_of_a_struct() {
        let base = "type_base = \"https://api.example.com/p/\"";
        let on_enum = messages(&format!(
            "#[derive(ApiStatus)] #[status({base})] enum E {{ #[status(404, code = \"a b\")] A, #[status(transparent)] B(Inner) }}"
        ));
        let on_struct = messages(&format!(
            "#[derive(ApiStatus)] #[status(404, code = \"a b\", {base})] struct S;"
        ));
        let bad_code = |name: &str| {
            format!("the type of `{name}` is `type_base` followed by its code `a b`, and the space at position 2 of the code cannot appear in a URI (RFC 3986 section 2); use letters, digits and `_` in the code, like `code = \"user_not_found\"`, or give the variant a type of its own: `type = \"https://api.example.com/problems/out_of_credit\"`")
        };
        assert_eq!(on_enum, [bad_code("A")]);
        assert_eq!(on_struct, [bad_code("S")]);
    }

    #[test]
    fn a_code_unfit_for_a_type_is_reported_once() {
        let typed = |code: &str| {
            messages(&format!(
                "#[derive(ApiStatus)] #[status(type_base = \"/p/\")] enum E {{ #[status(404, code = \"{code}\")] A }}"
            ))
        };
        for code in ["a\\\"b", "a\\\\b", "a\\tb", " "] {
            assert_eq!(typed(code).len(), 1, "{code}: {:?}", typed(code));
        }
    }

    #[test]
    fn a_type_base_may_end_in_a_fragment() {
        assert!(messages(
            "#[derive(ApiStatus)] #[status(type_base = \"https://api.example.com/problems#\")] enum E { #[status(404)] A }"
        )
        .is_empty());
    }

    #[test]
    fn types_built_on_a_rejected_base_are_not_compared() {
        let errors = messages(
            "#[derive(ApiStatus)] #[status(type_base = \"https://x/p\")] enum E { #[status(404)] A, #[status(400, type = \"https://x/pa\")] B }",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].starts_with("each variant's code is appended to `type_base`"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_base_without_a_slash_is_shown_with_the_first_code_it_would_take() {
        let errors = messages(
            "#[derive(ApiStatus)] #[status(type_base = \"https://x/p\")] enum E { #[status(transparent)] A(Inner), #[status(404)] NotHere }",
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(
            errors[0].contains("which would give `https://x/pnot_here`"),
            "{errors:?}"
        );
    }

    #[test]
    fn an_empty_type_and_an_empty_base_say_what_each_is_for() {
        assert_eq!(
            uri_mistake("type_base", "").unwrap_or_default(),
            "`type_base` is empty; write the URI each variant's code is appended to, like `type_base = \"https://api.example.com/problems/\"`, or remove it"
        );
        assert_eq!(
            uri_mistake("type", "").unwrap_or_default(),
            format!("the type is empty; write a URI that names the problem, like `type = \"{TYPE_EXAMPLE}\"`, or remove `type` to leave it `about:blank`")
        );
    }

    #[test]
    fn a_forwarding_variant_refuses_what_comes_with_the_status() {
        let from = "the status comes from the `#[status(forward)]` field `1`";
        assert!(
            check_enum("#[status(message = \"m {0}\", expose)] A(u8, #[status(forward)] I)")
                .is_empty()
        );
        assert!(check_enum("A(#[status(forward)] I)").is_empty());
        assert_eq!(
            check_enum("#[status(404, code = \"c\", grpc = \"not_found\")] A(u8, #[status(forward)] I)"),
            [
                format!("{from}; remove the status code (the field's type gives it)"),
                format!("{from}, and its code with it, since a client tells a variant by its code and status together; remove `code`"),
                format!("{from}, and the gRPC code follows the status; remove `grpc`"),
            ]
        );
        assert_eq!(
            check_enum("#[status(www_authenticate = \"Bearer\")] A(#[status(retry_after)] u8, #[status(forward)] I)"),
            [
                format!("{from}, and the headers that go with it; remove `www_authenticate`"),
                format!("{from}, and the responses are documented as that field's, so this header would go undocumented; remove `retry_after`"),
            ]
        );
        assert_eq!(
            check_enum("#[status(expose)] A(#[status(forward)] I)"),
            ["`expose` shows this variant's own detail when the forwarded status is a 5xx, and it has none; add `message = \"...\"` or `display`, or remove `expose`"]
        );
        // An enum's default status does not apply, and its `display` is a detail of its own.
        assert!(messages(
            "#[derive(ApiStatus)] #[status(500, display)] enum E { #[status(expose)] A(#[status(forward)] I) }"
        )
        .is_empty());
        assert_eq!(
            messages("#[derive(ApiStatus)] #[status(404, type_base = \"/p/\")] struct S(#[status(forward)] I);"),
            [
                "the status comes from the `#[status(forward)]` field `0`; remove the status code (the field's type gives it)",
                "the status comes from the `#[status(forward)]` field `0`, and its problem type and title with it; remove `type_base`",
            ]
        );
    }

    #[test]
    fn a_challenge_is_given_once_by_a_key_a_constant_or_a_field_and_only_on_a_401() {
        for ok in [
            "#[status(401, www_authenticate = \"Basic realm=\\\"x\\\"\")] A",
            "#[status(401, www_authenticate = REALM)] A",
            "#[status(401, www_authenticate = crate::auth::REALM)] A",
            "#[status(401)] A { #[status(www_authenticate)] challenge: String }",
            "#[status(405, allow = METHODS)] A",
        ] {
            assert!(check_enum(ok).is_empty(), "{ok}");
        }
        assert_eq!(
            check_enum("#[status(401, www_authenticate = \"Bearer\")] A { #[status(www_authenticate)] c: String }"),
            [
                "the challenge is given on the variant already; keep one: remove this `www_authenticate`, or the variant's",
                "first given here",
            ]
        );
        assert_eq!(
            check_enum("#[status(401)] A { #[status(www_authenticate)] c: String, #[status(www_authenticate)] d: String }"),
            [
                "only one field can give the WWW-Authenticate challenge; keep one `#[status(www_authenticate)]`",
                "first given here",
            ]
        );
        assert_eq!(
            check_enum("#[status(403, www_authenticate = REALM)] A"),
            ["WWW-Authenticate goes with 401 (RFC 9110 section 11.6.1), not 403; remove it"]
        );
        assert_eq!(
            check_enum("#[status(401, www_authenticate = Self::REALM)] A"),
            ["`Self` names nothing where the header is read (the table is built outside the impl); name the type: `E::REALM`"]
        );
        assert_eq!(
            check_enum("#[status(401, www_authenticate = realm())] A"),
            ["`www_authenticate` takes a string literal or the path to a `&'static str` constant, like `www_authenticate = \"Bearer\"` or `www_authenticate = CHALLENGE`"]
        );
        assert_eq!(
            check_enum("#[status(400, message = MESSAGE)] A"),
            ["`message` takes a literal, like `message = \"...\"`"]
        );
        assert_eq!(
            check_enum("#[status(401)] A { #[status(www_authenticate = REALM)] c: String }")[0],
            "`www_authenticate` on a field is a flag: write `#[status(www_authenticate)]`"
        );
    }

    #[test]
    fn rename_all_is_one_of_serdes_styles_and_strip_suffix_a_suffix() {
        let on_enum = |keys: &str| {
            messages(&format!(
                "#[derive(ApiStatus)] #[status({keys})] enum E {{ #[status(404)] A }}"
            ))
        };
        for (style, _) in RenameStyle::ALL {
            assert!(
                on_enum(&format!("rename_all = \"{style}\"")).is_empty(),
                "{style}"
            );
        }
        let styles = "the styles are serde's: `lowercase`, `UPPERCASE`, `PascalCase`, `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE`";
        assert_eq!(
            on_enum("rename_all = \"kebab_case\""),
            [format!(
                "unknown `rename_all` style `kebab_case`; did you mean `kebab-case`? {styles}"
            )]
        );
        assert_eq!(
            on_enum("rename_all = \"Screaming_Kebab_Case\""),
            [format!("unknown `rename_all` style `Screaming_Kebab_Case`; did you mean `SCREAMING-KEBAB-CASE`? {styles}")]
        );
        assert_eq!(
            on_enum("rename_all = \"camelcse\""),
            [format!(
                "unknown `rename_all` style `camelcse`; did you mean `camelCase`? {styles}"
            )]
        );
        assert_eq!(
            on_enum("rename_all = \"title\""),
            [format!("unknown `rename_all` style `title`; {styles}")]
        );
        assert_eq!(
            on_enum("strip_suffix = \"\""),
            ["`strip_suffix` is empty; write the suffix to drop from variant names before they become codes, like `strip_suffix = \"Error\"`, or remove it"]
        );
        assert_eq!(
            messages("#[derive(ApiStatus)] #[status(strip_suffix = \"Error\", rename_all = \"kebab-case\")] enum E { #[status(404)] Upload, #[status(403)] UploadError }"),
            ["`Upload` has the code `upload` too, and `UploadError` takes its code from its name, without the `strip_suffix` and as `rename_all` spells it; give it its own: `code = \"...\"`"]
        );
    }

    #[test]
    fn allow_is_checked_wherever_it_is_given() {
        assert_eq!(
            check_enum(
                "#[status(405, allow = \"GET\")] A { #[status(allow)] methods: Vec<http::Method> }"
            ),
            ["`allow` is given both here and by a field; keep one"]
        );
        assert_eq!(
            check_enum("#[status(404)] A { #[status(allow)] methods: Vec<http::Method> }"),
            ["Allow goes with 405 (RFC 9110 section 10.2.1), not 404; remove it"]
        );
        // An unreadable value is reported once, not again as a missing `allow`.
        assert_eq!(
            check_enum("#[status(405, allow = )] A"),
            ["`allow` has no value after `=`; write one, like `allow = \"GET, HEAD\"`"]
        );
    }

    #[test]
    fn absolute_uris_and_full_paths_are_accepted() {
        for ok in [
            "https://api.example.com/problems/x",
            "urn:problem:x",
            "tag:example.com,2024:x",
            "about:blank",
            "/problems/x",
            "/",
            "z39.50r://host/x",
        ] {
            assert_eq!(uri_mistake("type", ok), None, "{ok}");
        }
    }

    #[test]
    fn relative_and_network_path_references_are_refused() {
        for bad in [
            "problems/x",
            "//host/x",
            "x",
            "?x",
            "#x",
            "1http://x",
            "api.example.com/x",
        ] {
            assert!(uri_mistake("type", bad).is_some(), "{bad}");
        }
        let host = uri_mistake("type", "api.example.com/x").unwrap_or_default();
        assert!(
            host.contains("`type = \"https://api.example.com/x\"`"),
            "{host}"
        );
        let path = uri_mistake("type", "problems/x").unwrap_or_default();
        assert!(path.contains("`type = \"/problems/x\"`"), "{path}");
    }

    #[test]
    fn a_grpc_code_is_one_of_grpcs_error_codes() {
        assert!(check_enum("#[status(404, grpc = \"aborted\")] A").is_empty());
        assert_eq!(
            check_enum("#[status(404, grpc = \"NotFound\")] A"),
            ["`NotFound` is not a gRPC code; did you mean `grpc = \"not_found\"`? (the names of `tonic::Code`, in snake case)"]
        );
        let far = check_enum("#[status(404, grpc = \"nope\")] A");
        assert!(
            far[0].contains("the codes are cancelled, unknown, invalid_argument"),
            "{far:?}"
        );
        assert!(
            far[0].ends_with("unauthenticated (the names of `tonic::Code`, in snake case)"),
            "{far:?}"
        );
        assert_eq!(
            check_enum("#[status(404, grpc = \"ok\")] A"),
            ["`ok` is gRPC's code for success, and this is an error; name the code clients should see, like `grpc = \"not_found\"`, or remove `grpc` to map the status"]
        );
    }

    #[test]
    fn a_grpc_domain_is_a_bare_domain_name() {
        let on_enum = |domain: &str| {
            messages(&format!(
                "#[derive(ApiStatus)] #[status(grpc_domain = \"{domain}\")] enum E {{ #[status(404)] A }}"
            ))
        };
        for good in ["api.example.com", "localhost", "my-api.example"] {
            assert!(on_enum(good).is_empty(), "{good}");
        }
        assert_eq!(
            on_enum("https://api.example.com/v1"),
            ["`grpc_domain` is a domain name, the service's own, with no scheme or path: write `grpc_domain = \"api.example.com\"`"]
        );
        for bad in ["", "a..b", "-a.com", "a b", "api.example.com."] {
            assert_eq!(on_enum(bad).len(), 1, "{bad:?}");
        }
    }

    #[test]
    fn characters_a_uri_cannot_hold_are_named_with_their_position() {
        let message = uri_mistake("type", "/a b").unwrap_or_default();
        assert!(message.starts_with("the space at position 3 "), "{message}");
        assert!(message.contains("`%20`"), "{message}");
        let message = uri_mistake("type", "/café").unwrap_or_default();
        assert!(
            message.starts_with("the non-ASCII character 'é' at position 5 "),
            "{message}"
        );
        assert!(message.contains("`%C3%A9`"), "{message}");
        let message = uri_mistake("type", "/a\nb").unwrap_or_default();
        assert!(
            message.starts_with("the control character '\\n' at position 3 "),
            "{message}"
        );
        assert!(message.contains("`%0A`"), "{message}");
        for bad in [
            "/\"", "/<", "/>", "/\\", "/^", "/`", "/{", "/|", "/}", "/\t", "/\u{7f}",
        ] {
            assert!(first_non_uri_char(bad).is_some(), "{bad:?}");
        }
        assert_eq!(first_non_uri_char("/a-b_c.d~e%20!$&'()*+,;=:@[]?#"), None);
    }
}
