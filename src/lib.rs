//! Unpublished: owns the workspace-level tests and examples.
