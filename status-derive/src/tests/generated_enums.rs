//! The derive driven outside the compiler with generated enums: it never panics, and every
//! error it reports points at a token of the input.

use proc_macro2::{Span, TokenStream, TokenTree};
use proptest::prelude::*;

/// A piece of a `#[status(...)]` list: real keys, typos, literals and junk.
fn item() -> impl Strategy<Value = String> {
    prop_oneof![
        (0_u32..1200).prop_map(|n| n.to_string()),
        Just("404".to_owned()),
        Just("\"404\"".to_owned()),
        Just("0x194".to_owned()),
        Just("404u16".to_owned()),
        Just("retry_after = 3_0".to_owned()),
        Just("transparent".to_owned()),
        Just("display".to_owned()),
        Just("expose".to_owned()),
        Just("extension".to_owned()),
        Just("retry_after".to_owned()),
        Just("allow".to_owned()),
        Just("forward".to_owned()),
        Just("www_authenticate".to_owned()),
        Just("www_authenticate = REALM".to_owned()),
        Just("allow = crate::METHODS".to_owned()),
        Just("rename_all = \"kebab-case\"".to_owned()),
        Just("rename_all = \"kebab_case\"".to_owned()),
        Just("strip_suffix = \"Error\"".to_owned()),
        Just("crate = \"::status_core\"".to_owned()),
        Just("type_base = \"https://api.example.com/problems/\"".to_owned()),
        Just("type = \"https://api.example.com/problems/same\"".to_owned()),
        Just("type = \"about:blank\"".to_owned()),
        Just("mesage = \"x\"".to_owned()),
        Just("code =".to_owned()),
        Just("NOT_FOUND".to_owned()),
        Just("a::b".to_owned()),
        (0_u32..100).prop_map(|n| format!("retry_after = {n}")),
        "[a-z_]{1,12}".prop_map(|key| format!("{key} = \"v\"")),
        (
            prop_oneof![
                Just("message"),
                Just("code"),
                Just("description"),
                Just("www_authenticate"),
                Just("allow"),
                Just("extension"),
                Just("type"),
                Just("title"),
                Just("type_base")
            ],
            "[ -~]{0,12}"
        )
            .prop_map(|(key, text)| format!("{key} = {text:?}")),
    ]
}

fn attribute() -> impl Strategy<Value = String> {
    prop::collection::vec(item(), 0..4).prop_map(|items| format!("#[status({})]", items.join(", ")))
}

fn field(named: bool) -> impl Strategy<Value = String> {
    let ty = prop_oneof![
        Just("u64"),
        Just("String"),
        Just("std::time::Duration"),
        Just("Vec<http::Method>"),
        Just("T"),
        Just("Inner"),
        Just("Box<Inner>")
    ];
    (prop::option::of(attribute()), "[a-z]{1,6}", ty).prop_map(move |(attr, name, ty)| {
        let attr = attr.unwrap_or_default();
        if named {
            format!("{attr} {name}_f: {ty}")
        } else {
            format!("{attr} {ty}")
        }
    })
}

fn variant() -> impl Strategy<Value = String> {
    let fields = prop_oneof![
        Just(String::new()),
        prop::collection::vec(field(false), 1..3).prop_map(|f| format!("({})", f.join(", "))),
        prop::collection::vec(field(true), 1..3).prop_map(|f| format!("{{ {} }}", f.join(", "))),
    ];
    (
        prop::option::of(attribute()),
        prop::option::of("[ -~]{0,20}"),
        "[A-Z][a-z]{0,6}".prop_filter("`Self` names no variant", |name| name != "Self"),
        fields,
    )
        .prop_map(|(attr, doc, name, fields)| {
            let doc = doc.map(|d| format!("#[doc = {d:?}]")).unwrap_or_default();
            format!("{doc} {} {name}{fields}", attr.unwrap_or_default())
        })
}

fn item_source() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(variant(), 0..5).prop_map(|v| v.join(",\n"));
    (prop::option::of(attribute()), prop::bool::ANY, body).prop_map(|(attr, generic, body)| {
        let generics = if generic { "<T>" } else { "" };
        format!(
            "{}\nenum ApiError{generics} {{\n{body}\n}}",
            attr.unwrap_or_default()
        )
    })
}

/// Every `compile_error!` in `tokens`: the span it reports at, and its message.
fn errors(tokens: TokenStream, out: &mut Vec<(Span, String)>) {
    let mut at = None;
    let mut previous_was_compile_error = false;
    for tree in tokens {
        match &tree {
            TokenTree::Ident(ident) => previous_was_compile_error = ident == "compile_error",
            TokenTree::Group(group) => {
                if let Some(span) = at.take() {
                    let message = group.stream().to_string();
                    out.push((span, message.trim_matches('"').to_owned()));
                } else {
                    errors(group.stream(), out);
                }
                previous_was_compile_error = false;
            }
            TokenTree::Punct(punct) => {
                if previous_was_compile_error && punct.as_char() == '!' {
                    at = Some(punct.span());
                }
            }
            TokenTree::Literal(_) => previous_was_compile_error = false,
        }
    }
}

fn error_spans(tokens: TokenStream) -> Vec<Span> {
    let mut out = Vec::new();
    errors(tokens, &mut out);
    out.into_iter().map(|(span, _)| span).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// An item `item` reads is syn's, spans included; generics make syn read it all.
    #[test]
    fn what_item_reads_is_what_syn_reads(source in item_source()) {
        let read_here = crate::item::tests::read_as_syn_reads(&source);
        prop_assert_eq!(read_here, !source.contains("ApiError<T>"), "{}", source);
    }

    #[test]
    fn the_derive_never_panics_and_every_error_points_into_the_input(source in item_source()) {
        let input = syn::parse_str::<syn::DeriveInput>(&source)
            .unwrap_or_else(|e| panic!("the generator wrote no item ({e}):\n{source}"));
        let expansion = std::panic::catch_unwind(|| crate::expand::derive(&input).to_string());
        prop_assert!(expansion.is_ok(), "the derive panicked on:\n{}", source);
        let expansion: TokenStream = crate::expand::derive(&input);
        let lines = source.lines().count();
        for span in error_spans(expansion) {
            let (start, end) = (span.start(), span.end());
            prop_assert!(
                start.line >= 1 && end.line <= lines && (start.line, start.column) < (end.line, end.column),
                "an error at {:?}..{:?} is outside the input:\n{}", start, end, source
            );
        }
    }

    #[test]
    fn errors_come_in_source_order_each_note_after_its_error(source in item_source()) {
        let input = syn::parse_str::<syn::DeriveInput>(&source)
            .unwrap_or_else(|e| panic!("the generator wrote no item ({e}):\n{source}"));
        let mut found = Vec::new();
        errors(crate::expand::derive(&input), &mut found);
        let mut previous = (0, 0);
        let mut after_error = false;
        for (span, message) in &found {
            let start = (span.start().line, span.start().column);
            if message.starts_with("first given here") {
                prop_assert!(after_error, "a note opens the errors: {:?}\n{}", found, source);
            } else {
                prop_assert!(previous <= start, "out of order: {:?}\n{}", found, source);
                previous = start;
            }
            after_error = true;
        }
    }
}

#[test]
fn errors_are_found_and_located_on_the_token_at_fault() {
    let source = "enum ApiError {\n    #[status(600)]\n    Bad,\n}";
    let input = syn::parse_str::<syn::DeriveInput>(source).expect("an enum");
    let located: Vec<(usize, usize)> = error_spans(crate::expand::derive(&input))
        .iter()
        .map(|s| (s.start().line, s.start().column))
        .collect();
    // The literal `600`, on line 2 after `    #[status(`.
    assert_eq!(located, [(2, 13)]);
}
