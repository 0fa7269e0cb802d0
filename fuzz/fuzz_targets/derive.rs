//! Feeds arbitrary text to `#[derive(ApiStatus)]`'s expansion, outside the compiler: whatever
//! parses as an item must expand, or fail with errors, without a panic, and what the derive
//! reads of it by hand (`item`) must be what syn reads.
//!
//! `cargo fuzz run derive` (from the repository root), or `bash fuzz/run.sh SECONDS`, which
//! seeds the corpus from the trybuild cases and uses `derive.dict`; `cargo build --manifest-path
//! fuzz/Cargo.toml` only checks that it builds.
#![no_main]

// The derive's own modules, compiled here as plain Rust over proc-macro2.
#[path = "../../status-derive/src/ast.rs"]
mod ast;
#[path = "../../status-derive/src/attr.rs"]
mod attr;
#[path = "../../status-derive/src/catalog.rs"]
mod catalog;
#[path = "../../status-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../../status-derive/src/expand.rs"]
mod expand;
#[path = "../../status-derive/src/generics.rs"]
mod generics;
#[allow(dead_code)] // `parse`: the target calls `quick` and syn itself, to compare them.
#[path = "../../status-derive/src/item.rs"]
mod item;
#[path = "../../status-derive/src/static_body.rs"]
mod static_body;
// `impls` is for the `FromProblem` derive, which this target does not run.
#[allow(dead_code)]
#[path = "../../status-derive/src/subset.rs"]
mod subset;
#[path = "../../status-derive/src/template.rs"]
mod template;
#[path = "../../status-derive/src/valid.rs"]
mod valid;

fn parse_and_expand(text: &str) {
    let Ok(tokens) = text.parse::<proc_macro2::TokenStream>() else {
        return;
    };
    if let Ok(input) = syn::parse2::<syn::DeriveInput>(tokens.clone()) {
        // What the derive reads by hand is what syn reads.
        if let Some(read_by_hand) = item::quick(tokens) {
            assert_eq!(read_by_hand, input, "{text}");
        }
        let _ = expand::derive(&input);
    }
}

/// How deep brackets of any kind (`(`, `[`, `{`, `<`) nest in `text`, roughly.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0_usize, 0);
    for byte in text.bytes() {
        match byte {
            b'(' | b'[' | b'{' | b'<' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' | b'>' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if nesting(text) <= 64 {
        parse_and_expand(text);
        return;
    }
    // syn parses by recursive descent: some 1,500 levels of `V<V<...>>` overflow the main
    // thread's 8 MiB stack inside `syn::parse_str`, before the derive sees the input (a
    // SIGSEGV that libFuzzer cannot record). Deep inputs get a stack of their own, so the
    // derive is still fuzzed on them; a panic there aborts the process all the same.
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(256 << 20)
            .spawn_scoped(scope, || parse_and_expand(text))
            .expect("a thread for a deep input")
            .join()
    })
    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
});
