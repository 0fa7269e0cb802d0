use status_core::ApiStatus;

#[derive(Debug, ApiStatus)]
enum ApiError {
    #[status(405)]
    WrongMethod {
        #[status(allow)]
        methods: u32,
    },
}

fn main() {}
