use std::sync::Arc;

use status_core::ApiStatus;

#[derive(Debug, thiserror::Error, ApiStatus)]
enum RuntimeError {
    #[error("quota exceeded for {0}")]
    #[status(403, message = "quota exceeded for {0}")]
    Quota(String),
    #[error("disk full at /var/lib/archive")]
    #[status(507)]
    DiskFull,
}

#[derive(Debug, thiserror::Error, ApiStatus)]
enum AppError {
    #[error("could not create archive {0}: {1}")]
    #[status(message = "could not create archive {0}")]
    ArchiveCreation(String, #[status(forward)] Box<RuntimeError>),
    #[error("could not share {name}: {inner}")]
    #[status(message = "could not share {name}")]
    Share {
        name: String,
        #[status(forward)]
        inner: Arc<RuntimeError>,
    },
    #[error("upstream: {0}")]
    Upstream(#[status(forward)] RuntimeError),
}

/// A struct forwards as well.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[error("could not restore {path}")]
#[status(message = "could not restore {path}")]
struct RestoreFailed {
    path: String,
    #[status(forward)]
    source: RuntimeError,
}

fn main() {
    let err = AppError::ArchiveCreation(
        "a.zip".to_owned(),
        Box::new(RuntimeError::Quota("alice".to_owned())),
    );
    assert_eq!(err.status(), 403);
    assert_eq!(err.code(), "quota");
    assert_eq!(err.detail(), "could not create archive a.zip");
    let err = AppError::Share {
        name: "b.zip".to_owned(),
        inner: Arc::new(RuntimeError::DiskFull),
    };
    assert_eq!(err.status(), 507);
    assert_eq!(err.detail(), ApiStatus::detail(&RuntimeError::DiskFull));
    let err = AppError::Upstream(RuntimeError::Quota("bob".to_owned()));
    assert_eq!(err.detail(), "quota exceeded for bob");
    let err = RestoreFailed { path: "/x".to_owned(), source: RuntimeError::Quota("c".to_owned()) };
    assert_eq!(err.status(), 403);
    assert_eq!(err.detail(), "could not restore /x");
    assert_eq!(AppError::table().responses().len(), 2);
}
