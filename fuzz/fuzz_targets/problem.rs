//! Feeds arbitrary bytes to `Problem`'s `Deserialize`: it must never panic, and whatever
//! parses must serialize (`to_json()` and `serde_json::to_vec` alike) and parse back to an
//! equal `Problem`, whose serialization is the same bytes again.
//!
//! `cargo fuzz run problem` (from the repository root), or `bash fuzz/run.sh SECONDS`.
#![no_main]

use status_core::Problem;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(problem) = serde_json::from_slice::<Problem>(data) else {
        return;
    };
    let json = problem.to_json();
    assert_eq!(
        json,
        serde_json::to_vec(&problem).unwrap(),
        "to_json() is serde_json::to_vec"
    );
    let again: Problem = serde_json::from_slice(&json).unwrap_or_else(|e| {
        panic!(
            "the serialization {:?} does not parse: {e}",
            String::from_utf8_lossy(&json)
        )
    });
    assert_eq!(
        again,
        problem,
        "the round trip through {:?}",
        String::from_utf8_lossy(&json)
    );
    assert_eq!(again.to_json(), json, "a second serialization differs");

    // What the accessors report is what was serialized.
    let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let object = value
        .as_object()
        .expect("a Problem serializes to an object");
    assert_eq!(
        object.get("title").and_then(|v| v.as_str()),
        problem.title()
    );
    assert_eq!(
        object.get("detail").and_then(|v| v.as_str()),
        problem.detail()
    );
    assert_eq!(
        object.get("instance").and_then(|v| v.as_str()),
        problem.instance()
    );
    assert_eq!(
        object.get("status").and_then(serde_json::Value::as_u64),
        problem.status().map(u64::from)
    );
    assert_eq!(
        object
            .get("type")
            .and_then(|v| v.as_str())
            .unwrap_or(status_core::ABOUT_BLANK),
        problem.type_uri()
    );
    if let Some(code) = problem.code() {
        assert_eq!(object.get("code").and_then(|v| v.as_str()), Some(code));
    }
    for (name, member) in problem.extensions() {
        assert_eq!(object.get(name), Some(member), "extension {name:?}");
    }
});
