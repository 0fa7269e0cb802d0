use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(rename_all = "kebab-case", strip_suffix = "Error")]
enum ApiError {
    #[status(403)]
    UploadForbidden,
    #[status(403)]
    UploadForbiddenError,
}

fn main() {}
