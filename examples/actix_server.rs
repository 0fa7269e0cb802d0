//! Placeholder, written in the next step.
fn main() {}
