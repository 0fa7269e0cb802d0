//! Framework integrations. The derive calls `impl_frameworks!` for every type; which impls it
//! expands to is decided here, by this crate's features, so the derive never has to know.

/// Implements the enabled frameworks' response traits for a type that implements `ApiStatus`.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_frameworks {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {};
}
