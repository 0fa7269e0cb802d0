//! Feeds arbitrary text to `#[derive(ApiStatus)]`'s expansion, outside the compiler: whatever
//! parses as an item must expand, or fail with errors, without a panic.
//!
//! `cargo fuzz run derive` (from the repository root); `cargo build --manifest-path
//! fuzz/Cargo.toml` only checks that it builds.
#![no_main]

// The derive's own modules, compiled here as plain Rust over proc-macro2.
#[path = "../../status-derive/src/ast.rs"]
mod ast;
#[path = "../../status-derive/src/attr.rs"]
mod attr;
#[path = "../../status-derive/src/ctxt.rs"]
mod ctxt;
#[path = "../../status-derive/src/expand.rs"]
mod expand;
#[path = "../../status-derive/src/generics.rs"]
mod generics;
#[path = "../../status-derive/src/template.rs"]
mod template;
#[path = "../../status-derive/src/valid.rs"]
mod valid;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(input) = syn::parse_str::<syn::DeriveInput>(text) {
        let _ = expand::derive(&input);
    }
});
