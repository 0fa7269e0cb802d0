//! Documents written from a type's table: HTML pages, Markdown catalogs, OpenAPI responses.

#[cfg(feature = "openapi")]
mod contract;
pub mod html;
pub mod markdown;
pub(crate) mod markup;
#[cfg(feature = "openapi")]
pub mod openapi;
pub(crate) mod page;

/// What a catalog shows in an example body where an extension member's value goes: the
/// catalogs know a member's name, not its field's type (the OpenAPI documents do, with a
/// schema tool), so the value is said to be any JSON rather than shown as a string.
pub(crate) const ANY_JSON: &str = "<any JSON>";

/// `variant`'s example body as the catalogs show it, pretty-printed, with each extension
/// member's value [`ANY_JSON`].
pub(crate) fn example_text(variant: &crate::VariantInfo) -> String {
    let mut text = serde_json::to_string_pretty(&variant.example()).unwrap_or_default();
    for name in variant.extensions() {
        // The placeholder `"{name}"` is a whole value only where it stands for the member.
        text = text.replace(&format!(": \"{{{name}}}\""), &format!(": {ANY_JSON}"));
    }
    text
}
