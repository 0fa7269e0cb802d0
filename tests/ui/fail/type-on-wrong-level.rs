use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
#[status(type = "https://api.example.com/problems/", title = "API error")]
enum ApiError {
    #[status(404, type_base = "https://api.example.com/problems/")]
    NotFound,
    #[status(400)]
    Invalid {
        #[status(type = "https://api.example.com/problems/invalid")]
        field: String,
    },
}

fn main() {}
