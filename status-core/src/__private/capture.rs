//! Which record of itself a derived type's responses carry (`Served`), chosen by autoref in
//! the generated framework impls: `(&&&Capture::of(&value)).keeper()` gives the function
//! that makes the record, which keeps the value as an error where it is one and
//! `Send + Sync`, as itself where it is only `Send + Sync`, and keeps only its variant, code
//! and status otherwise. The derive asks this only of a type without generics, whose
//! `'static` the autoref can rely on; a generic type's impls call `row`.
//!
//! The probe holds no value, and what it gives is a plain function: a derived type's crate
//! compiles the constructor that applies and nothing around it.

use std::error::Error;
use std::marker::PhantomData;

use crate::{ApiStatus, Served};

/// The type of a value, to pick how its record is made.
pub struct Capture<T>(PhantomData<fn(T)>);

impl<T> Capture<T> {
    /// The probe for the type of `value`, which it only looks at.
    pub const fn of(_value: &T) -> Self {
        Self(PhantomData)
    }
}

pub trait ViaError {
    type Value;
    fn keeper(&self) -> fn(Self::Value) -> Served;
}

pub trait ViaValue {
    type Value;
    fn keeper(&self) -> fn(Self::Value) -> Served;
}

pub trait ViaRow {
    type Value;
    fn keeper(&self) -> fn(Self::Value) -> Served;
}

impl<T: ApiStatus + Error + Send + Sync + 'static> ViaError for &&Capture<T> {
    type Value = T;
    fn keeper(&self) -> fn(T) -> Served {
        Served::from_error::<T>
    }
}

impl<T: ApiStatus + Send + Sync + 'static> ViaValue for &Capture<T> {
    type Value = T;
    fn keeper(&self) -> fn(T) -> Served {
        Served::from_value::<T>
    }
}

impl<T: ApiStatus> ViaRow for Capture<T> {
    type Value = T;
    fn keeper(&self) -> fn(T) -> Served {
        row_of::<T>
    }
}

/// The record of a value that is not kept, taking it as every keeper does.
#[allow(clippy::needless_pass_by_value)]
fn row_of<T: ApiStatus>(value: T) -> Served {
    Served::new(&value)
}

/// The record of a value that is not kept.
pub fn row<T: ApiStatus + ?Sized>(value: &T) -> Served {
    Served::new(value)
}
