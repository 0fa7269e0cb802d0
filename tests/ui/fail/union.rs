use status_core::ApiStatus;

#[derive(ApiStatus)]
#[status(400)]
union Bits {
    int: u32,
    float: f32,
}

// The union is reported once, at `union`; this use of the type is not reported as well,
// because the derive emits an impl beside its error.
fn status_of(bits: &Bits) -> u16 {
    bits.status().as_u16() + Bits::table().variants().len() as u16
}

fn main() {
    let _ = status_of(&Bits { int: 1 });
}
