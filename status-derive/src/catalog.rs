//! What the derive needs of `status-core`'s data: the statuses its catalog documents, with the
//! texts a static body spells out, and the names of gRPC's codes. A copy, since a proc macro
//! cannot read the library it expands for; `tests/catalog_consistency.rs` checks the catalog
//! part against the catalog itself, `tests/grpc.rs` the codes against tonic and status-core.

pub struct Documented {
    pub status: u16,
    pub reason: &'static str,
    pub description: &'static str,
}

pub const DOCUMENTED: [Documented; 10] = [
    Documented {
        status: 200,
        reason: "OK",
        description: "The request was successful, and the server returned the requested data (if applicable).",
    },
    Documented {
        status: 400,
        reason: "Bad Request",
        description: "The server could not understand the request due to invalid syntax.",
    },
    Documented {
        status: 401,
        reason: "Unauthorized",
        description: "The request lacks valid authentication credentials.",
    },
    Documented {
        status: 403,
        reason: "Forbidden",
        description: "The server understands the request but refuses to authorize it.",
    },
    Documented {
        status: 404,
        reason: "Not Found",
        description: "The server cannot find the requested resource.",
    },
    Documented {
        status: 405,
        reason: "Method Not Allowed",
        description: "The HTTP method used is not allowed for the requested resource.",
    },
    Documented {
        status: 429,
        reason: "Too Many Requests",
        description: "The user has sent too many requests in a given amount of time, often referred to as \"rate limiting.\"",
    },
    Documented {
        status: 500,
        reason: "Internal Server Error",
        description: "The server encountered an unexpected condition that prevented it from fulfilling the request.",
    },
    Documented {
        status: 502,
        reason: "Bad Gateway",
        description: "The server received an invalid response from an upstream server while attempting to fulfill the request.",
    },
    Documented {
        status: 503,
        reason: "Service Unavailable",
        description: "The server is currently unable to handle the request due to temporary overload or scheduled maintenance.",
    },
];

pub fn documented(status: u16) -> Option<&'static Documented> {
    DOCUMENTED.iter().find(|entry| entry.status == status)
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
