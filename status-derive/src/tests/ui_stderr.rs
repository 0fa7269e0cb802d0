//! The reviewed trybuild `.stderr` files as an oracle that runs in milliseconds: each
//! `tests/ui/fail` case is expanded here, outside the compiler, and the derive's messages, and
//! where each points, must be exactly the plain `error:` lines of its `.stderr` with their
//! `-->` lines (`error[E...]` lines are rustc's).
//! Mutation testing leans on it, since the trybuild suite is too slow to run per mutant.

use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens as _;

/// A `compile_error!` the derive emits: its message, and the line and column (from 1) where
/// rustc reports it, unless it points at the derive itself, which has no place in the source.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Reported {
    message: String,
    at: Option<(usize, usize)>,
}

/// Every `compile_error!` in `tokens`. Its `!` carries the span of the error's first token.
fn compile_errors(tokens: TokenStream, out: &mut Vec<Reported>) {
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let bang = trees.next().expect("`!`").span().start();
                if let Some(TokenTree::Group(group)) = trees.next() {
                    let literal: syn::LitStr = syn::parse2(group.stream()).expect("a message");
                    let at = (bang.line > 0).then_some((bang.line, bang.column + 1));
                    out.push(Reported {
                        message: literal.value(),
                        at,
                    });
                }
            }
            TokenTree::Group(group) => compile_errors(group.stream(), out),
            _ => {}
        }
    }
}

fn derives_api_status(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr
                .meta
                .to_token_stream()
                .to_string()
                .contains("ApiStatus")
    })
}

/// What the derive reports for every item of `items` that derives `ApiStatus`.
fn derive_messages(items: &[syn::Item], out: &mut Vec<Reported>) {
    for item in items {
        let input: syn::DeriveInput = match item.clone() {
            syn::Item::Enum(item) => item.into(),
            syn::Item::Struct(item) => item.into(),
            syn::Item::Union(item) => item.into(),
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    derive_messages(items, out);
                }
                continue;
            }
            _ => continue,
        };
        if derives_api_status(&input.attrs) {
            // As the derive reads the tokens the compiler hands it.
            let input = crate::item::parse(input.to_token_stream()).expect("an item");
            compile_errors(crate::expand::derive(&input), out);
        }
    }
}

/// What the derive reports for the items of `source`, in order.
pub(crate) fn messages(source: &str) -> Vec<String> {
    let file = syn::parse_file(source).expect("valid Rust");
    let mut out = Vec::new();
    derive_messages(&file.items, &mut out);
    out.into_iter().map(|reported| reported.message).collect()
}

/// The `error:` lines of a `.stderr` with the `-->` line below each, as [`Reported`]; the
/// location is dropped where the derive cannot know it (an error at the derive attribute).
fn reviewed(stderr: &str, case: &str, derive_lines: &[usize]) -> Vec<Reported> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(message) = line.strip_prefix("error: ") else {
            continue;
        };
        let at = lines
            .get(i + 1)
            .and_then(|next| next.trim_start().strip_prefix(&format!("--> {case}:")))
            .and_then(|place| place.split_once(':'))
            .map(|(line, column)| (line.parse().unwrap(), column.parse().unwrap()))
            .filter(|(line, _)| !derive_lines.contains(line));
        out.push(Reported {
            message: message.to_owned(),
            at,
        });
    }
    out
}

#[test]
fn every_fail_case_reports_exactly_the_messages_and_places_of_its_reviewed_stderr() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui/fail");
    let mut cases = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    entries.sort_by_key(std::fs::DirEntry::path);
    for entry in entries {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let stderr = std::fs::read_to_string(path.with_extension("stderr")).unwrap();
        let file = syn::parse_file(&source).unwrap();
        let mut derived = Vec::new();
        derive_messages(&file.items, &mut derived);
        let derive_lines: Vec<usize> = source
            .lines()
            .enumerate()
            .filter(|(_, line)| line.contains("derive(") && line.contains("ApiStatus"))
            .map(|(i, _)| i + 1)
            .collect();
        let case = format!("fail/{}", entry.file_name().to_string_lossy());
        let mut expected = reviewed(&stderr, &case, &derive_lines);
        derived.sort();
        expected.sort();
        assert_eq!(derived, expected, "{}", path.display());
        cases += 1;
    }
    assert!(cases > 50, "only {cases} cases");
}
