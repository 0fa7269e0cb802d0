//! Which status the framework's own errors are answered with: the rejection table's, the
//! same on every framework, or the one each framework gives them itself.
//!
//! The table has axum's statuses: JSON of the wrong shape is `422`, a body without the JSON
//! content type `415`, a path segment that does not parse `400`. Other frameworks answer some
//! of these with other statuses (actix-web says `400`, `400` and `404`), and a service that
//! moves to this crate changes what its clients see unless it keeps them. [`Statuses`] is
//! that choice, given to a framework's error layers as app state (each framework module
//! says how: actix-web's `App::app_data`, poem's `EndpointExt::data`, rocket's `manage`,
//! salvo's depot, warp's `recover_with`); the envelope and the codes are the same in both.
//!
//! The documents follow with the statuses of one framework: [`Rejection::table_in`] for the
//! catalogs, and the OpenAPI tools' rejection sets (`JsonBodyRejections<statuses::ActixWeb>`
//! with utoipa).
//!
//! | code | table ([`Uniform`], axum) | [`ActixWeb`] | [`Poem`] | [`Rocket`] | [`Salvo`] | [`Warp`] |
//! |---|---|---|---|---|---|---|
//! | `invalid_json` | 400 | 400 | 400 | 400 | 400 | 400 |
//! | `json_data` | 422 | 400 | 400 | 422 | 400 | 400 |
//! | `missing_json_content_type` | 415 | 400 | 415 | 415 | 400 | 415 |
//! | `form_data` | 422 | 400 | 400 | 422 | 400 | 400 |
//! | `missing_form_content_type` | 415 | 415 | 415 | 415 | 400 | 415 |
//! | `invalid_path` | 400 | 404 | 400 | 422 | 400 | 404 |
//! | `invalid_query` | 400 | 400 | 400 | 422 | 400 | 400 |
//! | `unreadable_body` | 400 | 400 | 400 | 400 | 400 | 400 |
//! | `content_too_large` | 413 | 413 | 413 | 413 | 413 | 413 |
//! | `method_not_allowed` | 405 | 405 | 405 | 405 | 405 | 405 |
//! | `route_not_found` | 404 | 404 | 404 | 404 | 404 | 404 |
//!
//! rocket itself answers a wrong method with `404`: with its own statuses, its catchers do
//! too (`route_not_found`), where the table's answer `405` with `Allow`.
//!
//! [`Rejection::table_in`]: crate::Rejection::table_in

use http::StatusCode;

use crate::response::rejection::{CATALOG_TITLE, ROWS};
use crate::{
    ExtensionMember, FromProblem, Received, Rejection, RejectionKind, Table, VariantInfo,
    Violations,
};

/// The statuses a service answers the framework's own errors with.
///
/// ```
/// use status_core::{ApiStatus, Rejection, RejectionKind, Statuses};
/// use status_core::statuses::ActixWeb;
///
/// let rejection = Rejection::of(RejectionKind::JsonData);
/// assert_eq!(rejection.clone().in_statuses::<ActixWeb>(Statuses::Uniform).status(), 422);
/// assert_eq!(rejection.in_statuses::<ActixWeb>(Statuses::Framework).status(), 400);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Statuses {
    /// Each rejection with its row's status, the same on every framework (axum's): the
    /// default.
    #[default]
    Uniform,
    /// Each rejection with the status the framework itself gives it, so that a migrating
    /// service's clients see the statuses they saw before; and an error response the
    /// framework did not make (a middleware's bare `401`, a handler's plain-text `409`) is
    /// left as it was.
    Framework,
}

/// The statuses of one framework's own errors, by [`RejectionKind`]: a type for the documents
/// (`JsonBodyRejections<statuses::ActixWeb>`) and [`Rejection::table_in`].
///
/// [`Rejection::table_in`]: crate::Rejection::table_in
pub trait RejectionStatuses: 'static {
    /// The status of each kind, in the order of [`RejectionKind::ALL`].
    const STATUSES: [u16; 11];

    /// The rejection table's rows with these statuses.
    const ROWS: &'static [VariantInfo];

    /// The status of `kind`.
    ///
    /// ```
    /// use status_core::statuses::{ActixWeb, RejectionStatuses, Uniform};
    /// use status_core::RejectionKind;
    ///
    /// assert_eq!(ActixWeb::status(RejectionKind::InvalidPath), 404);
    /// assert_eq!(Uniform::status(RejectionKind::InvalidPath), 400);
    /// ```
    #[must_use]
    fn status(kind: RejectionKind) -> StatusCode {
        Self::ROWS[kind as usize].status()
    }
}

macro_rules! statuses {
    ($($(#[$doc:meta])* $name:ident = $statuses:expr;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name;

        impl RejectionStatuses for $name {
            const STATUSES: [u16; 11] = $statuses;
            const ROWS: &'static [VariantInfo] = &with_statuses($statuses);
        }
    )*};
}

statuses! {
    /// The table's statuses, the same on every framework (axum's own).
    Uniform = [400, 422, 415, 422, 415, 400, 400, 400, 413, 405, 404];
    /// actix-web 4's: its `JsonPayloadError`, `UrlencodedError`, `PathError` and
    /// `QueryPayloadError` as their `ResponseError`s answer.
    ActixWeb = [400, 400, 400, 400, 415, 404, 400, 400, 413, 405, 404];
    /// poem 3's (and poem-openapi 5's): `ParseJsonError`, `ParseFormError` and the parameter
    /// errors as their `ResponseError`s answer.
    Poem = [400, 400, 415, 400, 415, 400, 400, 400, 413, 405, 404];
    /// rocket 0.5's: a data guard's `422` for JSON or a form of the wrong shape and for a path
    /// segment or query that does not parse.
    Rocket = [400, 422, 415, 422, 415, 422, 422, 400, 413, 405, 404];
    /// salvo 1's: every `ParseError` is a `400` but a body over the limit.
    Salvo = [400, 400, 400, 400, 400, 400, 400, 400, 413, 405, 404];
    /// warp 0.4's: a body that does not deserialize is a `400`, and a path segment that does
    /// not parse no match (`404`).
    Warp = [400, 400, 415, 400, 415, 404, 400, 400, 413, 405, 404];
}

/// Every framework's statuses, for a client that reads a rejection of any of them.
pub(crate) const ALL_ROWS: [&[VariantInfo]; 6] = [
    Uniform::ROWS,
    ActixWeb::ROWS,
    Poem::ROWS,
    Rocket::ROWS,
    Salvo::ROWS,
    Warp::ROWS,
];

/// The rejection table with `statuses`, kind by kind.
const fn with_statuses(statuses: [u16; 11]) -> [VariantInfo; 11] {
    let mut rows = [ROWS[0]; 11];
    let mut i = 0;
    while i < rows.len() {
        rows[i] = ROWS[i].with_status(statuses[i]);
        i += 1;
    }
    rows
}

/// A rejection in a framework's own statuses: what each framework's error layer answers
/// with under [`Statuses::Framework`], and the tables of its documents.
impl Rejection {
    /// This rejection with the status `S` gives its kind, where `statuses` says the service
    /// keeps the framework's own; as it is otherwise.
    ///
    /// ```
    /// use status_core::statuses::Poem;
    /// use status_core::{ApiStatus, Rejection, RejectionKind, Statuses};
    ///
    /// let rejection = Rejection::of(RejectionKind::FormData);
    /// assert_eq!(rejection.in_statuses::<Poem>(Statuses::Framework).status(), 400);
    /// ```
    #[must_use]
    pub fn in_statuses<S: RejectionStatuses>(self, statuses: Statuses) -> Self {
        match statuses {
            Statuses::Uniform => self,
            Statuses::Framework => {
                let status = S::status(self.kind());
                self.with_status(status)
            }
        }
    }

    /// The table of every rejection with the statuses `S` gives them: the catalogs of a
    /// service that keeps a framework's own statuses (`html::table(&Rejection::table_in::<ActixWeb>())`).
    ///
    /// ```
    /// use status_core::statuses::ActixWeb;
    /// use status_core::Rejection;
    ///
    /// let table = Rejection::table_in::<ActixWeb>();
    /// let json_data = table.variants().iter().find(|row| row.code() == "json_data").unwrap();
    /// assert_eq!(json_data.status(), 400);
    /// ```
    #[must_use]
    pub fn table_in<S: RejectionStatuses>() -> Table {
        Table::new("Rejection", S::ROWS).with_catalog_title(CATALOG_TITLE)
    }
}

/// A client reads the rejection back: the service's enum can forward to it with
/// `#[status(transparent)]`, so that one type decodes every error the service sends.
///
/// ```
/// use status_core::{ApiStatus, FromProblem, Rejection, RejectionKind};
///
/// let sent = Rejection::new(RejectionKind::JsonData, "missing field `name`");
/// assert_eq!(Rejection::from_response(&sent.response()), Ok(sent));
/// ```
impl FromProblem for Rejection {
    fn from_received(received: &Received<'_>) -> Option<Self> {
        // A rejection comes back under the status of any framework that answers it.
        let (kind, row) = ALL_ROWS.iter().find_map(|rows| {
            RejectionKind::ALL
                .into_iter()
                .map(|kind| (kind, &rows[kind as usize]))
                .find(|(_, row)| received.is(row))
        })?;
        let detail = received
            .detail()
            .filter(|detail| *detail != kind.info().detail());
        let rejection = detail
            .map_or(Self::of(kind), |detail| Self::new(kind, detail))
            .with_status(row.status());
        // Another server's `errors` of another shape do not make it another rejection.
        match Option::<Violations>::from_member(received, "errors").flatten() {
            Some(errors) if kind == RejectionKind::JsonData => Some(rejection.with_errors(errors)),
            _ => Some(rejection),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_uniform_statuses_are_the_table_s() {
        assert_eq!(Uniform::ROWS, ROWS);
        for (kind, status) in RejectionKind::ALL.into_iter().zip(Uniform::STATUSES) {
            assert_eq!(kind.info().status(), status);
        }
    }

    #[test]
    fn the_module_s_table_is_the_code_s() {
        let doc = include_str!("statuses.rs");
        for kind in RejectionKind::ALL {
            let line = doc
                .lines()
                .find(|line| line.starts_with(&format!("//! | `{}` |", kind.info().code())))
                .unwrap_or_else(|| panic!("no line for {kind:?}"));
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let expected: Vec<String> = ALL_ROWS
                .iter()
                .map(|rows| rows[kind as usize].status().as_u16().to_string())
                .collect();
            assert_eq!(cells[2..8], expected, "{line}");
        }
    }

    #[test]
    fn only_the_status_differs_from_the_table() {
        for rows in ALL_ROWS {
            for (row, uniform) in rows.iter().zip(ROWS) {
                assert_eq!(row.code(), uniform.code());
                assert_eq!(row.description(), uniform.description());
                assert_eq!(row.field_headers(), uniform.field_headers());
                assert_eq!(row.extensions(), uniform.extensions());
            }
        }
    }
}
