//! `Violations` from the validation crates' reports.

#[cfg(feature = "garde")]
mod garde;
#[cfg(feature = "validator")]
mod validator;
