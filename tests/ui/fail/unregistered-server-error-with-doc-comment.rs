use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    /// The TLS handshake with db-primary.internal failed; see runbook RB-4.
    #[status(525)]
    TlsHandshake,
}

fn main() {}
