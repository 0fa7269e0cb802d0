use status_core::ApiStatus;

/// The feature is switched off for this account.
#[derive(Debug, ApiStatus)]
#[status(403, code = "feature_disabled", message = "feature `{name}` is disabled")]
struct FeatureDisabled {
    name: String,
}

#[derive(Debug, ApiStatus)]
#[status(429, message = "retry in {0} s")]
struct Limited(#[status(retry_after)] u64);

#[derive(Debug, ApiStatus)]
#[status(503)]
struct Maintenance;

fn main() {
    let err = FeatureDisabled { name: "beta".into() };
    assert_eq!(err.detail(), "feature `beta` is disabled");
    assert_eq!(err.variant().name(), "FeatureDisabled");
    assert_eq!(Limited(3).headers()["retry-after"], "3");
    assert_eq!(Maintenance.code(), "service_unavailable");
}
