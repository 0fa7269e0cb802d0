//! The server examples, started as a user starts them: the built binary, on a free port.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A child process, killed when the test ends however it ends.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The example binary `name`, built beside this test.
fn binary(name: &str) -> PathBuf {
    let test = std::env::current_exe().unwrap();
    let profile_dir = test.parent().and_then(Path::parent).unwrap();
    let binary = profile_dir.join("examples").join(name);
    assert!(
        binary.is_file(),
        "{} is missing: `cargo test --workspace --all-features` builds it",
        binary.display()
    );
    binary
}

/// Starts the server example `name` on a free loopback port and returns it with its base URL.
pub fn start(name: &str) -> (Running, String) {
    let mut child = Command::new(binary(name))
        .env("PORT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let running = Running(child);
    let mut stdout = BufReader::new(stdout);
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    // Keep reading: a closed pipe would end the example at its next line of output.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    // "axum serving on http://127.0.0.1:PORT; try:"
    let base = first
        .split_whitespace()
        .find(|word| word.starts_with("http://"))
        .map_or_else(
            || panic!("no URL in {first:?}"),
            |url| url.trim_end_matches([';', ':']).to_owned(),
        );
    (running, base)
}
