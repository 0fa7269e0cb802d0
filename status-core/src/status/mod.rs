//! Status codes: the documented ones with their texts, IANA's registry, and their gRPC codes.

pub(crate) mod catalog;
pub(crate) mod class;
pub(crate) mod grpc;
pub(crate) mod registry;

/// Whether `a` and `b` are the same text, in constant evaluation (`==` on `str` is not
/// `const`): where the tables check names given to them.
pub(crate) const fn same_text(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
