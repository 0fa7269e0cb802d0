use status_core::ApiStatus;

#[derive(ApiStatus)]
#[status(400)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
