//! Writing a Problem Details body straight into bytes: the static members are copied, only
//! the detail and the extension values are escaped or serialized, and nothing is built on
//! the way. `ApiStatus::body` uses it; `Problem` stays the type to inspect or parse bodies.

use crate::response::erased::ErasedStatus;
use crate::response::extensions::Target;
use crate::response::json::{write_escaped, write_json_string, JsonEscaped};
use crate::{Extensions, Status, ABOUT_BLANK};

/// The JSON body of `value`, written in one pass into one buffer.
pub(crate) fn write_body<V: ErasedStatus + ?Sized>(value: &V) -> Vec<u8> {
    let status = value.status();
    let variant = value.variant();
    let type_uri = variant.type_uri();
    let code = value.code();
    // Room for the members, the usual detail and the extensions, so the buffer is allocated
    // once and not grown. A message's own length stands for the detail it renders.
    let detail_hint = match variant.message() {
        Some(message) => message.len(),
        None => variant.detail().len(),
    };
    let mut out = Vec::with_capacity(
        96 + type_uri.len() + code.len() + detail_hint + 64 * variant.extensions().len(),
    );
    // Type URIs, reason phrases and codes hold no character JSON escapes
    // (`VariantInfo::with_type` and `with_code` refuse one), so they are copied as they are.
    if type_uri == ABOUT_BLANK {
        out.push(b'{');
    } else {
        out.extend_from_slice(b"{\"type\":\"");
        out.extend_from_slice(type_uri.as_bytes());
        out.extend_from_slice(b"\",");
    }
    match (variant.own_title(), Status::from_u16(status.as_u16())) {
        // The usual case in one copy: `"title":"Not Found","status":404,"detail":"`.
        (None, Some(documented)) => out.extend_from_slice(documented.title_to_detail().as_bytes()),
        (own_title, _) => {
            if let Some(title) = own_title {
                out.extend_from_slice(b"\"title\":");
                write_json_string(&mut out, title);
                out.push(b',');
            } else if let Some(title) = crate::reason_phrase(status) {
                out.extend_from_slice(b"\"title\":\"");
                out.extend_from_slice(title.as_bytes());
                out.extend_from_slice(b"\",");
            }
            // `"status":404,"detail":"` in one copy: a status is always three digits.
            let mut status_member = *b"\"status\":000,\"detail\":\"";
            status_member[9..12].copy_from_slice(status.as_str().as_bytes());
            out.extend_from_slice(&status_member);
        }
    }
    let before = out.len();
    if value.write_detail(&mut JsonEscaped(&mut out)).is_err() {
        // A Display that fails mid-way: what it wrote so far is not worth sending.
        out.truncate(before);
        write_escaped(&mut out, variant.detail());
    }
    out.extend_from_slice(b"\",\"code\":\"");
    out.extend_from_slice(code.as_bytes());
    out.push(b'"');
    value.write_extensions(&mut Extensions {
        target: Target::Body(&mut out),
    });
    out.push(b'}');
    out
}
