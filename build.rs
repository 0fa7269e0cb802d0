//! With the `tonic` feature, generates the gRPC service of the tests and the `grpc` example
//! from `proto/users.proto`, with the `protoc` that `protoc-bin-vendored` ships.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    #[cfg(feature = "tonic")]
    if let Err(error) = generate() {
        panic!("generating the gRPC service from proto/users.proto: {error}");
    }
}

#[cfg(feature = "tonic")]
fn generate() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto/users.proto");
    let mut config = tonic_prost_build::Config::new();
    config.protoc_executable(protoc_bin_vendored::protoc_bin_path()?);
    tonic_prost_build::configure().compile_with_config(
        config,
        &["proto/users.proto"],
        &["proto"],
    )?;
    Ok(())
}
