//! The reviewed trybuild `.stderr` files as an oracle that runs in milliseconds: each
//! `tests/ui/fail` case is expanded here, outside the compiler, and the derive's messages must
//! be exactly the plain `error:` lines of its `.stderr` (`error[E...]` lines are rustc's).
//! Mutation testing leans on it, since the trybuild suite is too slow to run per mutant.

use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};

/// The messages of every `compile_error!` in `tokens`.
fn compile_errors(tokens: TokenStream, out: &mut Vec<String>) {
    let mut trees = tokens.into_iter().peekable();
    while let Some(tree) = trees.next() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                let _bang = trees.next();
                if let Some(TokenTree::Group(group)) = trees.next() {
                    let literal: syn::LitStr = syn::parse2(group.stream()).expect("a message");
                    out.push(literal.value());
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
fn derive_messages(items: &[syn::Item], out: &mut Vec<String>) {
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
            compile_errors(crate::expand::derive(&input), out);
        }
    }
}

use quote::ToTokens as _;

#[test]
fn every_fail_case_reports_exactly_the_messages_of_its_reviewed_stderr() {
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
        let mut expected: Vec<String> = stderr
            .lines()
            .filter_map(|line| line.strip_prefix("error: "))
            .map(str::to_owned)
            .collect();
        derived.sort();
        expected.sort();
        assert_eq!(derived, expected, "{}", path.display());
        cases += 1;
    }
    assert!(cases > 50, "only {cases} cases");
}
