//! Markdown error catalogs, in the shape of the source documentation: a general section, then
//! for each status code its reason, description, uses and example responses.
//!
//! These are for developers, kept beside the code in a repository: a type's catalog names
//! the type and each variant next to its code, to find the code that answers. What clients
//! read, the HTML pages ([`html`](crate::html)) and OpenAPI, shows codes only. Both show the
//! same descriptions, the ones written for clients: a 5xx variant's doc comment is in none.

use std::fmt::Write as _;

use crate::response::headers::display_name;
use crate::status::registry::with_meaning;
use crate::{
    reason_phrase, ApiStatus, RegisteredStatus, Status, Table, VariantInfo, ABOUT_BLANK,
    GENERAL_INFORMATION, PROBLEM_JSON,
};

/// The catalog of the documented status codes: the source documentation, with real example
/// responses.
///
/// ```
/// let catalog = status_core::markdown::documented();
/// assert!(catalog.starts_with("# Status Codes\n"));
/// assert!(catalog.contains("## 429 Too Many Requests\n"));
/// ```
#[must_use]
pub fn documented() -> String {
    let mut out = String::new();
    header(&mut out, "Status Codes", GENERAL_INFORMATION);
    for status in Status::ALL {
        let _ = writeln!(out, "\n## {status}\n");
        section(&mut out, "Description", status.description());
        let uses: Vec<String> = status.uses().iter().map(|u| format!("- {u}")).collect();
        section(&mut out, "Used For", &uses.join("\n"));
        let _ = writeln!(
            out,
            "**Example Response:**\n\n```json\n{}\n```",
            status.example_response()
        );
    }
    out
}

/// The table of every status in IANA's HTTP Status Code Registry: code, reason phrase, what
/// it means and the document that defines it ([`RegisteredStatus`]).
///
/// ```
/// let table = status_core::markdown::registered();
/// assert!(table.contains(
///     "| 409 | Conflict | The request conflicts with the current state of the target resource. | RFC 9110, Section 15.5.10 |\n"
/// ));
/// ```
#[must_use]
pub fn registered() -> String {
    let mut out = String::from(
        "# HTTP Status Codes\n\nEvery status in IANA's HTTP Status Code Registry. An error \
         variant on one of these needs no description of its own: it takes the one below. An \
         unused code (418) has no meaning to take, and a variant on it needs its own.\n\n\
         | Code | Reason | Meaning | Reference |\n|---|---|---|---|\n",
    );
    for entry in RegisteredStatus::ALL {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            entry.status(),
            entry.reason(),
            entry.description(),
            entry.reference()
        );
    }
    out
}

/// The catalog of every response `T` can produce, grouped by status code.
///
/// ```
/// use status_core::ApiStatus;
///
/// #[derive(Debug, ApiStatus)]
/// enum ApiError {
///     /// No user has this id.
///     #[status(404, message = "user {id} not found")]
///     UserNotFound { id: u64 },
/// }
///
/// let catalog = status_core::markdown::catalog::<ApiError>();
/// assert!(catalog.contains("## 404 Not Found\n"));
/// assert!(catalog.contains(
///     "- `UserNotFound` (`user_not_found`): No user has this id. `FromProblem` can rebuild it.\n"
/// ));
/// assert!(catalog.contains(r#""detail": "user {id} not found""#));
/// ```
#[must_use]
pub fn catalog<T: ApiStatus>() -> String {
    table(&T::table())
}

/// The catalog of the responses in `table`; [`catalog`] for a table at hand.
///
/// ```
/// # use status_core::ApiStatus;
/// # #[derive(Debug, ApiStatus)]
/// # #[status(503)]
/// # struct Maintenance;
/// let catalog = status_core::markdown::table(&Maintenance::table());
/// assert!(catalog.starts_with("# Maintenance\n"));
/// ```
#[must_use]
pub fn table(table: &Table) -> String {
    let mut out = String::new();
    let general = format!(
        "{GENERAL_INFORMATION} Every error response below has the media type `{PROBLEM_JSON}`: \
         an RFC 9457 Problem Details object whose `code` member tells the errors apart."
    );
    header(&mut out, table.type_name(), &general);
    let mut responses = table.responses();
    responses.sort_by_key(|v| v.status());
    for group in responses.chunk_by(|a, b| a.status() == b.status()) {
        let status = group[0].status();
        let reason = reason_phrase(status).unwrap_or("");
        let _ = writeln!(out, "\n## {} {reason}\n", status.as_u16());
        let description = match (with_meaning(status.as_u16()), group) {
            (Some(registered), _) => registered.description(),
            (None, [only]) => only.description(),
            (None, _) => "This API answers with this status in the cases below.",
        };
        section(&mut out, "Description", description);
        let uses: Vec<String> = group.iter().map(|v| use_line(v)).collect();
        section(&mut out, "Used For", &uses.join("\n"));
        let _ = writeln!(out, "**Example Response:**");
        for variant in group {
            example(&mut out, variant, group.len() > 1);
        }
    }
    out
}

/// A variant's line under "Used For": name, code, description, and its problem type if any.
fn use_line(variant: &VariantInfo) -> String {
    let mut line = format!(
        "- `{}` (`{}`): {}",
        variant.name(),
        variant.code(),
        variant.description()
    );
    if variant.type_uri() != ABOUT_BLANK {
        let _ = write!(line, " Problem type: `{}`.", variant.type_uri());
    }
    line.push_str(if variant.decodes() {
        " `FromProblem` can rebuild it."
    } else {
        " `FromProblem` cannot rebuild it: a value stays on the server."
    });
    line
}

fn header(out: &mut String, title: &str, general: &str) {
    let _ = writeln!(out, "# {title}\n\n## General Information\n\n{general}");
}

fn section(out: &mut String, name: &str, body: &str) {
    let _ = writeln!(out, "**{name}:**\n\n{body}\n");
}

fn example(out: &mut String, variant: &VariantInfo, label: bool) {
    if label {
        let _ = writeln!(out, "\n`{}`:", variant.name());
    }
    out.push('\n');
    let headers: Vec<String> = variant
        .headers()
        .iter()
        .map(|(name, value)| format!("{}: {value}", display_name(name)))
        .chain(
            variant
                .field_headers()
                .iter()
                .map(|name| format!("{}: {{{name}}}", display_name(name))),
        )
        .collect();
    if !headers.is_empty() {
        let _ = writeln!(out, "```http\n{}\n```\n", headers.join("\n"));
    }
    let body = super::example_text(variant);
    let _ = writeln!(out, "```json\n{body}\n```");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VariantInfo;

    #[test]
    fn examples_are_labelled_by_variant_only_where_a_status_has_several() {
        const ROWS: &[VariantInfo] = &[
            VariantInfo::new("UserNotFound", 404),
            VariantInfo::new("OrderNotFound", 404),
            VariantInfo::new("Busy", 503),
        ];
        let catalog = table(&Table::new("ApiError", ROWS));
        assert!(catalog.contains("\n`UserNotFound`:\n"), "{catalog}");
        assert!(catalog.contains("\n`OrderNotFound`:\n"), "{catalog}");
        assert!(!catalog.contains("\n`Busy`:\n"), "{catalog}");
    }

    #[test]
    fn a_members_value_is_any_json_not_a_string_and_a_message_keeps_its_placeholder() {
        const ROWS: &[VariantInfo] = &[VariantInfo::new("Conflict", 409)
            .with_message("version {current_version} is newer", true)
            .with_extensions(&["current_version"])];
        let catalog = table(&Table::new("ApiError", ROWS));
        assert!(
            catalog.contains("\"current_version\": <any JSON>"),
            "{catalog}"
        );
        assert!(
            catalog.contains("version {current_version} is newer"),
            "{catalog}"
        );
        assert!(!catalog.contains("\"{current_version}\""), "{catalog}");
    }
}
