//! The five classes of status codes, below the catalog and the registry that both name them.

/// The class of a status code, from its first digit (RFC 9110 section 15).
///
/// ```
/// use status_core::StatusClass;
///
/// assert_eq!(StatusClass::of(404), Some(StatusClass::ClientError));
/// assert_eq!(StatusClass::of(600), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusClass {
    /// 1xx: the request was received and is being processed.
    Informational,
    /// 2xx: the request was received, understood and accepted.
    Success,
    /// 3xx: further action is needed to complete the request.
    Redirection,
    /// 4xx: the request contains an error on the client's side.
    ClientError,
    /// 5xx: the server failed to fulfil a valid request.
    ServerError,
}

impl StatusClass {
    /// The class of `code`, or `None` outside `100..=599`.
    ///
    /// ```
    /// use status_core::StatusClass;
    ///
    /// assert_eq!(StatusClass::of(503), Some(StatusClass::ServerError));
    /// ```
    #[must_use]
    pub const fn of(code: u16) -> Option<Self> {
        match code {
            100..=199 => Some(Self::Informational),
            200..=299 => Some(Self::Success),
            300..=399 => Some(Self::Redirection),
            400..=499 => Some(Self::ClientError),
            500..=599 => Some(Self::ServerError),
            _ => None,
        }
    }

    /// Whether this class reports an error (4xx or 5xx).
    ///
    /// ```
    /// use status_core::StatusClass;
    ///
    /// assert!(StatusClass::ClientError.is_error());
    /// assert!(!StatusClass::Success.is_error());
    /// ```
    #[must_use]
    pub const fn is_error(self) -> bool {
        matches!(self, Self::ClientError | Self::ServerError)
    }
}
