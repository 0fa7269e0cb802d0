//! Nothing: the package exists for its test, `ui.rs`, which runs the derive's trybuild cases
//! against `status-core` alone.
