use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(rename_all = "kebab_case")]
enum ApiError {
    #[status(403)]
    UploadForbidden,
}

fn main() {}
