use status_core::ApiStatus;

// Same name as the enum, a name given twice, and an empty list.
#[derive(Debug, ApiStatus)]
#[status(subset(ApiError = [NotFound]), subset(ReadError = [NotFound]))]
#[status(subset(ReadError = [Database]))]
#[status(subset(Nothing = []))]
enum ApiError {
    #[status(404)]
    NotFound,
    #[status(500)]
    Database,
}

// With `display`, the subset needs a derive that writes its `Display`.
#[derive(Debug, thiserror::Error, ApiStatus)]
#[status(display, subset(Missing = [NotFound]))]
enum Displayed {
    #[error("not found")]
    #[status(404)]
    NotFound,
}

// A struct has nothing to leave out.
#[derive(Debug, ApiStatus)]
#[status(404, subset(Missing = [Gone]))]
struct Gone;

// A generic enum's subsets would need the parameters each variant uses, and no more.
#[derive(Debug, ApiStatus)]
#[status(subset(ReadError = [Failed]))]
enum Generic<E> {
    #[status(500)]
    Failed(E),
    #[status(404)]
    NotFound,
}

// The syntax: a name, `=`, and the variants in brackets.
#[derive(Debug, ApiStatus)]
#[status(subset(ReadError: [NotFound]))]
enum Syntax {
    #[status(404)]
    NotFound,
}

#[derive(Debug, ApiStatus)]
#[status(subset = "ReadError")]
enum Value {
    #[status(404)]
    NotFound,
}

fn main() {}
