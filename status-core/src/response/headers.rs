//! Header values built from fields: `Retry-After`, `Allow` and `WWW-Authenticate`.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderValue, Method};

/// A field type that can fill `Retry-After` with delay-seconds (RFC 9110 section 10.2.3).
///
/// Implemented for unsigned integers (whole seconds), [`Duration`] (rounded up to the next
/// second, so a client never retries early), and `Option`s of those (`None` sends no header).
///
/// ```
/// use std::time::Duration;
/// use status_core::RetryAfter;
///
/// assert_eq!(30_u32.retry_after_seconds(), Some(30));
/// assert_eq!(Duration::from_millis(1500).retry_after_seconds(), Some(2));
/// assert_eq!(None::<u64>.retry_after_seconds(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`#[status(retry_after)]` needs whole seconds, and `{Self}` is not",
    label = "this field fills Retry-After",
    note = "use an unsigned integer of seconds, `std::time::Duration`, or an `Option` of either"
)]
pub trait RetryAfter {
    /// The delay in whole seconds, or `None` for no header.
    ///
    /// ```
    /// use status_core::RetryAfter;
    ///
    /// assert_eq!(Some(std::time::Duration::from_secs(5)).retry_after_seconds(), Some(5));
    /// ```
    fn retry_after_seconds(&self) -> Option<u64>;
}

macro_rules! retry_after_integers {
    ($($ty:ty),*) => {$(
        impl RetryAfter for $ty {
            fn retry_after_seconds(&self) -> Option<u64> {
                u64::try_from(*self).ok()
            }
        }
    )*};
}

retry_after_integers!(u8, u16, u32, u64, u128, usize);

impl RetryAfter for Duration {
    fn retry_after_seconds(&self) -> Option<u64> {
        let whole = self.as_secs();
        Some(if self.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        })
    }
}

impl<T: RetryAfter> RetryAfter for Option<T> {
    fn retry_after_seconds(&self) -> Option<u64> {
        self.as_ref()?.retry_after_seconds()
    }
}

impl<T: RetryAfter + ?Sized> RetryAfter for &T {
    fn retry_after_seconds(&self) -> Option<u64> {
        (**self).retry_after_seconds()
    }
}

/// A field type that can fill `Allow` with the methods a resource supports (RFC 9110
/// section 10.2.1).
///
/// Implemented for lists of [`Method`](https://docs.rs/http/1/http/method/struct.Method.html)s and for text such as `"GET, HEAD"`; text that is not
/// a comma-separated list of method names sends no header rather than a malformed one.
///
/// ```
/// use http::Method;
/// use status_core::AllowMethods;
///
/// let methods = vec![Method::GET, Method::HEAD];
/// assert_eq!(methods.allow_header().unwrap(), "GET, HEAD");
/// assert_eq!("GET,POST".allow_header().unwrap(), "GET, POST");
/// assert!("GET\r\nX-Evil: 1".allow_header().is_none());
/// ```
#[diagnostic::on_unimplemented(
    message = "`#[status(allow)]` needs a list of methods, and `{Self}` is not one",
    label = "this field fills Allow",
    note = "use `Vec<http::Method>`, `&'static [http::Method]`, or a `String` like \"GET, HEAD\""
)]
pub trait AllowMethods {
    /// The `Allow` value, or `None` when it cannot be one.
    ///
    /// ```
    /// use status_core::AllowMethods;
    ///
    /// assert_eq!("GET, HEAD".allow_header().unwrap(), "GET, HEAD");
    /// ```
    fn allow_header(&self) -> Option<HeaderValue>;
}

fn join_methods<'a>(methods: impl Iterator<Item = &'a str>) -> Option<HeaderValue> {
    let mut value = String::new();
    for method in methods {
        // Only optional whitespace (RFC 9110 section 5.6.3) is trimmed; CR and LF are refused.
        let method = method.trim_matches([' ', '\t']);
        if method.is_empty() || !method.bytes().all(is_tchar) {
            return None;
        }
        if !value.is_empty() {
            value.push_str(", ");
        }
        value.push_str(method);
    }
    HeaderValue::try_from(value).ok()
}

/// A field type that can fill a header with its text, such as the challenge of
/// `WWW-Authenticate` (RFC 9110 section 11.6.1) from `#[status(www_authenticate)]`.
///
/// Implemented for `String`, `str` (so `&'static str`), `Cow<str>`, `Box<str>`, `Arc<str>`
/// and `http::HeaderValue`. Text a header cannot carry (CR, LF and other control characters,
/// non-ASCII), or only whitespace, sends no header rather than a malformed one.
///
/// ```
/// use status_core::HeaderText;
///
/// assert_eq!("Bearer realm=\"api\"".header_text().unwrap(), "Bearer realm=\"api\"");
/// assert_eq!(String::from("Basic").header_text().unwrap(), "Basic");
/// assert!("Bearer\r\nSet-Cookie: a=b".header_text().is_none());
/// assert!(" ".header_text().is_none());
/// ```
#[diagnostic::on_unimplemented(
    message = "`#[status(www_authenticate)]` needs the challenge as text, and `{Self}` is not text",
    label = "this field fills WWW-Authenticate",
    note = "use `String`, `&'static str`, `Cow<'static, str>`, `Box<str>`, `Arc<str>` or `http::HeaderValue`"
)]
pub trait HeaderText {
    /// The header value, or `None` when the text cannot be one.
    ///
    /// ```
    /// use status_core::HeaderText;
    ///
    /// assert_eq!("Bearer".header_text().unwrap(), "Bearer");
    /// ```
    fn header_text(&self) -> Option<HeaderValue>;
}

/// Whether `text` is a header value worth sending: visible ASCII, spaces and tabs, and not
/// only whitespace.
fn is_header_text(text: &[u8]) -> bool {
    text.iter()
        .all(|&b| b == b'\t' || (b' '..=b'~').contains(&b))
        && !text.iter().all(|&b| b == b' ' || b == b'\t')
}

impl HeaderText for str {
    fn header_text(&self) -> Option<HeaderValue> {
        if !is_header_text(self.as_bytes()) {
            return None;
        }
        HeaderValue::from_str(self).ok()
    }
}

impl HeaderText for String {
    fn header_text(&self) -> Option<HeaderValue> {
        self.as_str().header_text()
    }
}

impl HeaderText for Cow<'_, str> {
    fn header_text(&self) -> Option<HeaderValue> {
        (**self).header_text()
    }
}

impl HeaderText for Box<str> {
    fn header_text(&self) -> Option<HeaderValue> {
        (**self).header_text()
    }
}

impl HeaderText for Arc<str> {
    fn header_text(&self) -> Option<HeaderValue> {
        (**self).header_text()
    }
}

impl HeaderText for HeaderValue {
    fn header_text(&self) -> Option<HeaderValue> {
        is_header_text(self.as_bytes()).then(|| self.clone())
    }
}

impl<T: HeaderText + ?Sized> HeaderText for &T {
    fn header_text(&self) -> Option<HeaderValue> {
        (**self).header_text()
    }
}

/// How documentation spells a header the table names in lower case (`retry-after`).
pub(crate) fn display_name(name: &str) -> &str {
    match name {
        "retry-after" => "Retry-After",
        "allow" => "Allow",
        "www-authenticate" => "WWW-Authenticate",
        other => other,
    }
}

/// A `tchar` of RFC 9110 section 5.6.2, the characters of a method name.
fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

impl AllowMethods for [Method] {
    fn allow_header(&self) -> Option<HeaderValue> {
        join_methods(self.iter().map(Method::as_str))
    }
}

impl<const N: usize> AllowMethods for [Method; N] {
    fn allow_header(&self) -> Option<HeaderValue> {
        self.as_slice().allow_header()
    }
}

impl AllowMethods for Vec<Method> {
    fn allow_header(&self) -> Option<HeaderValue> {
        self.as_slice().allow_header()
    }
}

impl AllowMethods for str {
    fn allow_header(&self) -> Option<HeaderValue> {
        if self.trim_matches([' ', '\t']).is_empty() {
            // An empty Allow says the resource allows no method at all (RFC 9110 section 10.2.1).
            return Some(HeaderValue::from_static(""));
        }
        join_methods(self.split(','))
    }
}

impl AllowMethods for String {
    fn allow_header(&self) -> Option<HeaderValue> {
        self.as_str().allow_header()
    }
}

impl<T: AllowMethods + ?Sized> AllowMethods for &T {
    fn allow_header(&self) -> Option<HeaderValue> {
        (**self).allow_header()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duration_rounds_up_to_whole_seconds() {
        assert_eq!(Duration::from_secs(30).retry_after_seconds(), Some(30));
        assert_eq!(Duration::from_nanos(1).retry_after_seconds(), Some(1));
        assert_eq!(Duration::ZERO.retry_after_seconds(), Some(0));
        assert_eq!(Duration::MAX.retry_after_seconds(), Some(u64::MAX));
    }

    #[test]
    fn references_and_owned_strings_answer_as_the_value() {
        let wait = Duration::from_secs(5);
        assert_eq!(<&Duration>::retry_after_seconds(&&wait), Some(5));
        let methods = String::from("GET, HEAD");
        assert_eq!(methods.allow_header().unwrap(), "GET, HEAD");
        assert_eq!(<&String>::allow_header(&&methods).unwrap(), "GET, HEAD");
    }

    #[test]
    fn huge_integers_send_no_header_rather_than_wrap() {
        assert_eq!(u128::MAX.retry_after_seconds(), None);
        assert_eq!(u64::MAX.retry_after_seconds(), Some(u64::MAX));
    }

    #[test]
    fn header_text_of_every_text_type_and_nothing_a_header_cannot_carry() {
        let challenge = "Bearer realm=\"api\", error=\"invalid_token\"";
        assert_eq!(challenge.header_text().unwrap(), challenge);
        assert_eq!(String::from(challenge).header_text().unwrap(), challenge);
        assert_eq!(Cow::Borrowed(challenge).header_text().unwrap(), challenge);
        assert_eq!(
            Box::<str>::from(challenge).header_text().unwrap(),
            challenge
        );
        assert_eq!(
            Arc::<str>::from(challenge).header_text().unwrap(),
            challenge
        );
        let value = HeaderValue::from_static("Basic realm=\"x\"");
        assert_eq!(value.header_text().unwrap(), value);
        assert_eq!(<&&str>::header_text(&&challenge).unwrap(), challenge);
        for bad in [
            "",
            " \t",
            "Bearer\r\nX-Evil: 1",
            "Bearer\n",
            "Bearer\0",
            "Bearér",
        ] {
            assert!(bad.header_text().is_none(), "{bad:?}");
        }
        let obs_text = HeaderValue::from_bytes(b"Basic \xe9").unwrap();
        assert!(obs_text.header_text().is_none());
    }

    #[test]
    fn allow_rejects_anything_that_is_not_a_method_list() {
        for bad in [
            "GET\r\nSet-Cookie: a=b",
            "GET HEAD",
            "GET,,POST",
            "GÉT",
            "GET\n",
        ] {
            assert!(bad.allow_header().is_none(), "{bad:?}");
        }
        assert_eq!("".allow_header().unwrap(), "");
        assert_eq!(" GET , HEAD ".allow_header().unwrap(), "GET, HEAD");
        let custom = Method::from_bytes(b"PURGE").unwrap();
        assert_eq!([Method::GET, custom].allow_header().unwrap(), "GET, PURGE");
    }
}
