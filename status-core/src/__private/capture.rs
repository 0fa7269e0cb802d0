//! Which record of itself a derived type's responses carry (`Served`), chosen by autoref in
//! the generated framework impls: `(&&&Capture::new(value)).served()` keeps the value as an
//! error where it is one and `Send + Sync`, as itself where it is only `Send + Sync`, and
//! keeps only its variant, code and status otherwise. The derive asks this only of a type
//! without generics, whose `'static` the autoref can rely on; a generic type's impls call
//! `row`.

use std::cell::Cell;
use std::error::Error;

use crate::{ApiStatus, Served};

/// A value on its way into its record; read once.
pub struct Capture<T> {
    record: Served,
    value: Cell<Option<T>>,
}

impl<T: ApiStatus> Capture<T> {
    pub fn new(value: T) -> Self {
        Self {
            record: Served::new(&value),
            value: Cell::new(Some(value)),
        }
    }
}

pub trait ViaError {
    fn served(&self) -> Served;
}

pub trait ViaValue {
    fn served(&self) -> Served;
}

pub trait ViaRow {
    fn served(&self) -> Served;
}

impl<T: ApiStatus + Error + Send + Sync + 'static> ViaError for &&Capture<T> {
    fn served(&self) -> Served {
        self.value
            .take()
            .map_or_else(|| self.record.clone(), Served::from_error)
    }
}

impl<T: ApiStatus + Send + Sync + 'static> ViaValue for &Capture<T> {
    fn served(&self) -> Served {
        self.value
            .take()
            .map_or_else(|| self.record.clone(), Served::from_value)
    }
}

impl<T: ApiStatus> ViaRow for Capture<T> {
    fn served(&self) -> Served {
        self.record.clone()
    }
}

/// The record of a value that is not kept.
pub fn row<T: ApiStatus + ?Sized>(value: &T) -> Served {
    Served::new(value)
}
