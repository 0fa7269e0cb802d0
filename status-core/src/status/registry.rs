//! Every status in IANA's HTTP Status Code Registry, with its reason phrase, its reference and
//! what it means: the texts a variant on a registered status takes when it gives none.

use http::StatusCode;

use crate::StatusClass;

/// A status code registered with IANA (the HTTP Status Code Registry, permanent entries): its
/// reason phrase, the document that defines it, and what it means.
///
/// The ten documented codes ([`Status`](crate::Status)) carry the source documentation's
/// texts; every other code carries this crate's own. A variant on a registered status needs no
/// description: `#[status(409)]`, `#[status(422)]` and `#[status(451)]` take these.
///
/// ```
/// use status_core::RegisteredStatus;
///
/// let conflict = RegisteredStatus::get(409).unwrap();
/// assert_eq!(conflict.reason(), "Conflict");
/// assert_eq!(conflict.reference(), "RFC 9110, Section 15.5.10");
/// assert_eq!(conflict.description(), "The request conflicts with the current state of the target resource.");
/// assert!(RegisteredStatus::get(499).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegisteredStatus {
    status: u16,
    reason: &'static str,
    code: &'static str,
    reference: &'static str,
    description: &'static str,
}

/// The shape the shared table file (`registry_entries.rs`) is written in.
use RegisteredStatus as Registered;

const REGISTRY: [Registered; 63] = include!("registry_entries.rs");

impl RegisteredStatus {
    /// Every registered status, in ascending order.
    ///
    /// ```
    /// use status_core::RegisteredStatus;
    ///
    /// let errors = RegisteredStatus::ALL.iter().filter(|s| s.status() >= 400).count();
    /// assert_eq!(errors, 40);
    /// ```
    pub const ALL: &'static [Self] = &REGISTRY;

    /// The registered status `status`, or `None` when the registry has no entry for it.
    ///
    /// ```
    /// let gone = status_core::RegisteredStatus::get(410).unwrap();
    /// assert_eq!(gone.reason(), "Gone");
    /// ```
    #[must_use]
    pub const fn get(status: u16) -> Option<&'static Self> {
        // A binary search, since `reason_phrase` runs for every response written.
        let (mut low, mut high) = (0, REGISTRY.len());
        while low < high {
            let middle = (low + high) / 2;
            let entry = &REGISTRY[middle];
            if entry.status == status {
                return Some(entry);
            }
            if entry.status < status {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        None
    }

    /// The numeric code.
    ///
    /// ```
    /// assert_eq!(status_core::RegisteredStatus::get(451).unwrap().status(), 451);
    /// ```
    #[must_use]
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// The reason phrase as the registry lists it: `"Unprocessable Content"`, and `"(Unused)"`
    /// for the codes it reserves without a meaning.
    ///
    /// ```
    /// use status_core::RegisteredStatus;
    ///
    /// assert_eq!(RegisteredStatus::get(413).unwrap().reason(), "Content Too Large");
    /// assert_eq!(RegisteredStatus::get(418).unwrap().reason(), "(Unused)");
    /// ```
    #[must_use]
    pub const fn reason(&self) -> &'static str {
        self.reason
    }

    /// Whether the registry reserves this code without giving it a meaning (306 and 418):
    /// such a code has no reason phrase to show, and a variant on it must say what it means.
    ///
    /// ```
    /// use status_core::RegisteredStatus;
    ///
    /// assert!(RegisteredStatus::get(418).unwrap().is_unused());
    /// assert!(!RegisteredStatus::get(409).unwrap().is_unused());
    /// ```
    #[must_use]
    pub const fn is_unused(&self) -> bool {
        self.code.is_empty()
    }

    /// The machine-readable code this crate gives the status: its reason phrase in snake case
    /// (`"unprocessable_content"`); `None` for an unused code.
    ///
    /// A 5xx variant without a `code` of its own answers with this one, so that no name from
    /// the source reaches a client.
    ///
    /// ```
    /// use status_core::RegisteredStatus;
    ///
    /// assert_eq!(RegisteredStatus::get(504).unwrap().default_code(), Some("gateway_timeout"));
    /// assert_eq!(RegisteredStatus::get(418).unwrap().default_code(), None);
    /// ```
    #[must_use]
    pub const fn default_code(&self) -> Option<&'static str> {
        if self.is_unused() {
            None
        } else {
            Some(self.code)
        }
    }

    /// The document that defines the status, as the registry cites it
    /// (`"RFC 9110, Section 15.5.10"`).
    ///
    /// ```
    /// assert_eq!(status_core::RegisteredStatus::get(429).unwrap().reference(), "RFC 6585");
    /// ```
    #[must_use]
    pub const fn reference(&self) -> &'static str {
        self.reference
    }

    /// What the status means, written for the clients of an API.
    ///
    /// ```
    /// let text = status_core::RegisteredStatus::get(451).unwrap().description();
    /// assert_eq!(text, "The server refuses access to the resource as a consequence of a legal demand.");
    /// ```
    #[must_use]
    pub const fn description(&self) -> &'static str {
        self.description
    }

    /// The class of this status.
    ///
    /// ```
    /// use status_core::{RegisteredStatus, StatusClass};
    ///
    /// assert_eq!(RegisteredStatus::get(504).unwrap().class(), StatusClass::ServerError);
    /// ```
    #[must_use]
    pub const fn class(&self) -> StatusClass {
        match StatusClass::of(self.status) {
            Some(class) => class,
            // Every registered code lies in 100..=599; `every_entry_has_a_class` pins it.
            None => StatusClass::ServerError,
        }
    }

    /// The `http` crate's status code for this status.
    ///
    /// ```
    /// let code = status_core::RegisteredStatus::get(409).unwrap().to_http();
    /// assert_eq!(code, http::StatusCode::CONFLICT);
    /// ```
    #[must_use]
    pub const fn to_http(&self) -> StatusCode {
        match StatusCode::from_u16(self.status) {
            Ok(code) => code,
            // Unreachable: every registered code is a valid one (`every_entry_has_a_class`).
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// The registry's entry for `status` where it gives the status a meaning, whose reason phrase
/// and description apply; `None` for a code it lacks or leaves unused.
pub(crate) const fn with_meaning(status: u16) -> Option<&'static RegisteredStatus> {
    match RegisteredStatus::get(status) {
        Some(entry) if !entry.is_unused() => Some(entry),
        _ => None,
    }
}

/// The registered status `status`, in constant context, where a code the registry lacks fails
/// the build.
pub(crate) const fn registered(status: u16) -> &'static RegisteredStatus {
    match RegisteredStatus::get(status) {
        Some(entry) => entry,
        None => panic!("not in the IANA registry"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reason phrase the registry gives the codes it reserves without a meaning.
    const UNUSED: &str = "(Unused)";

    /// IANA's registry, as published: `Value,Description,Reference`.
    const SNAPSHOT: &str = include_str!("../../iana-http-status-codes.csv");

    /// The fields of one line of the snapshot, quotes removed.
    fn fields(line: &str) -> Vec<String> {
        let mut fields = vec![String::new()];
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(String::new()),
                c => fields.last_mut().unwrap().push(c),
            }
        }
        fields
    }

    #[test]
    fn the_table_is_the_registry_snapshot_entry_for_entry() {
        let mut lines = SNAPSHOT.lines();
        assert_eq!(lines.next(), Some("Value,Description,Reference"));
        let snapshot: Vec<Vec<String>> = lines.map(fields).collect();
        assert_eq!(snapshot.len(), RegisteredStatus::ALL.len());
        for (entry, row) in RegisteredStatus::ALL.iter().zip(&snapshot) {
            assert_eq!(entry.status().to_string(), row[0]);
            // The registry marks 510 "(OBSOLETED)"; its reason phrase is what comes before.
            let (reason, obsolete) = match row[1].strip_suffix(" (OBSOLETED)") {
                Some(reason) => (reason, true),
                None => (row[1].as_str(), false),
            };
            assert_eq!(entry.reason(), reason, "{}", row[0]);
            assert_eq!(entry.description().starts_with("Obsolete"), obsolete);
            // `[RFC9110, Section 15.5.10]` is written `RFC 9110, Section 15.5.10`; several
            // references are joined with `; `.
            let reference = row[2]
                .trim_start_matches('[')
                .trim_end_matches(']')
                .replace("][", "; ")
                .replacen("RFC", "RFC ", 1);
            assert_eq!(entry.reference(), reference, "{}", row[0]);
        }
    }

    #[test]
    fn every_error_code_of_the_snapshot_is_in_the_table_with_its_reason_phrase() {
        let errors: Vec<Vec<String>> = SNAPSHOT
            .lines()
            .skip(1)
            .map(fields)
            .filter(|row| row[0].starts_with('4') || row[0].starts_with('5'))
            .collect();
        assert_eq!(errors.len(), 40);
        for row in errors {
            let entry = RegisteredStatus::get(row[0].parse().unwrap()).unwrap();
            assert!(row[1].starts_with(entry.reason()), "{row:?}");
        }
    }

    #[test]
    fn the_table_is_sorted_so_that_get_finds_every_entry_and_nothing_else() {
        assert!(REGISTRY.windows(2).all(|w| w[0].status < w[1].status));
        for entry in RegisteredStatus::ALL {
            assert_eq!(RegisteredStatus::get(entry.status()), Some(entry));
        }
        let missing = (0..=1000)
            .filter(|s| REGISTRY.iter().all(|e| e.status != *s))
            .filter(|s| RegisteredStatus::get(*s).is_some())
            .count();
        assert_eq!(missing, 0);
    }

    #[test]
    fn each_code_is_its_reason_phrase_in_snake_case_and_unused_ones_have_none() {
        for entry in RegisteredStatus::ALL {
            let expected = entry.reason().to_ascii_lowercase().replace([' ', '-'], "_");
            if entry.reason() == UNUSED {
                assert!(entry.is_unused());
                assert_eq!(entry.default_code(), None);
            } else {
                assert!(!entry.is_unused(), "{}", entry.status());
                assert_eq!(entry.default_code(), Some(expected.as_str()));
            }
        }
        let unused: Vec<u16> = RegisteredStatus::ALL
            .iter()
            .filter(|e| e.is_unused())
            .map(RegisteredStatus::status)
            .collect();
        assert_eq!(unused, [306, 418]);
    }

    #[test]
    fn every_entry_has_a_class_and_a_description_of_one_sentence_or_more() {
        for entry in RegisteredStatus::ALL {
            assert_eq!(Some(entry.class()), StatusClass::of(entry.status()));
            assert_eq!(entry.to_http().as_u16(), entry.status());
            let text = entry.description();
            assert!(text.starts_with(|c: char| c.is_ascii_uppercase()), "{text}");
            assert!(text.ends_with('.') || text.ends_with(".\""), "{text}");
        }
    }

    #[test]
    fn reason_phrases_hold_nothing_html_escapes() {
        // The problem page writes them unescaped (`docs/page.rs`).
        for entry in RegisteredStatus::ALL {
            let reason = entry.reason();
            assert!(!reason.contains(['&', '<', '>', '"', '\'']), "{reason}");
        }
    }

    #[test]
    fn reason_phrases_agree_with_the_http_crate_where_the_rfcs_kept_them() {
        // RFC 9110 renamed 413 and 422, and made 418 unused; the `http` crate keeps the old
        // names, and spells some with other case or hyphens.
        let loose = |reason: &str| reason.to_ascii_lowercase().replace('-', " ");
        let mut differ = Vec::new();
        for entry in RegisteredStatus::ALL {
            let theirs = entry.to_http().canonical_reason().map(loose);
            if theirs != Some(loose(entry.reason())) {
                differ.push(entry.status());
            }
        }
        assert_eq!(differ, [306, 413, 418, 422]);
    }
}
