//! What the derive needs of `status-core`'s data: the registered statuses, with the reason
//! phrases, codes and descriptions that defaults and static bodies take, the names of gRPC's
//! codes, and the members a problem holds itself. A copy, since a proc macro cannot read the
//! library it expands for: `registry_entries.rs` is status-core's file byte for byte and the
//! members are the ones `Problem` keeps (`tests/catalog_consistency.rs`), and `tests/grpc.rs`
//! checks the codes against tonic and status-core.

/// An entry of IANA's HTTP Status Code Registry, as `registry_entries.rs` spells it.
pub struct Registered {
    pub status: u16,
    pub reason: &'static str,
    /// The reason phrase in snake case; empty for a code the registry leaves unused.
    pub code: &'static str,
    /// The document that defines the status, which messages about it cite.
    pub reference: &'static str,
    pub description: &'static str,
}

static REGISTRY: [Registered; 63] = include!("registry_entries.rs");

/// The registry's entry for `status`, if it has one.
pub fn registered(status: u16) -> Option<&'static Registered> {
    REGISTRY.iter().find(|entry| entry.status == status)
}

/// The registry's entry for `status` where it gives the status a meaning, whose reason phrase,
/// code and description apply; `None` for a code it lacks or leaves unused.
pub fn with_meaning(status: u16) -> Option<&'static Registered> {
    registered(status).filter(|entry| !entry.is_unused())
}

impl Registered {
    /// Whether the registry reserves the code without a meaning (306, 418).
    pub fn is_unused(&self) -> bool {
        self.code.is_empty()
    }
}

/// The gRPC codes by number, by `tonic::Code`'s names in snake case, as `status_core::tonic`
/// reads them.
pub const GRPC_CODES: [&str; 17] = [
    "ok",
    "cancelled",
    "unknown",
    "invalid_argument",
    "deadline_exceeded",
    "not_found",
    "already_exists",
    "permission_denied",
    "resource_exhausted",
    "failed_precondition",
    "aborted",
    "out_of_range",
    "unimplemented",
    "internal",
    "unavailable",
    "data_loss",
    "unauthenticated",
];

/// The members a problem holds itself, RFC 9457's five and `code`, which no extension may be
/// named: those `Problem::insert_extension` refuses.
pub(crate) const RESERVED_MEMBERS: [&str; 6] =
    ["type", "title", "status", "detail", "instance", "code"];
