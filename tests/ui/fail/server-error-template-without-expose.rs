use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(500, message = "query {query} failed")]
    Query { query: String },
}

fn main() {}
