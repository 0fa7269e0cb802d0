//! Reading `Accept` (RFC 9110 section 12.5.1): which of the representations a problem can
//! take the client prefers. The header is the client's to write, so it is read in one pass,
//! in time linear in its length whatever it holds, and what does not parse is passed over:
//! a client that names nothing this crate can send gets `application/problem+json`, never a
//! `406 Not Acceptable`.

/// A form a problem can be sent in.
///
/// ```
/// use status_core::negotiate::Representation;
///
/// assert_eq!(Representation::Html.media_type(), "text/html; charset=utf-8");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Representation {
    /// `application/problem+json`: the body every API client gets, and the answer to any
    /// `Accept` that names nothing else this crate can send.
    ProblemJson,
    /// `text/html`: a page for people, for a browser's navigation.
    Html,
    /// `text/plain`: the detail as text.
    PlainText,
    /// `application/problem+xml`: RFC 9457 Appendix B, for a client that asks for XML.
    ProblemXml,
}

impl Representation {
    /// Every representation, in the order that breaks a tie between equally wanted ones.
    pub const ALL: [Self; 4] = [
        Self::ProblemJson,
        Self::Html,
        Self::PlainText,
        Self::ProblemXml,
    ];

    /// The `Content-Type` of a body in this representation.
    ///
    /// ```
    /// use status_core::negotiate::Representation;
    ///
    /// assert_eq!(Representation::ProblemJson.media_type(), "application/problem+json");
    /// ```
    #[must_use]
    pub const fn media_type(self) -> &'static str {
        match self {
            Self::ProblemJson => crate::PROBLEM_JSON,
            Self::Html => "text/html; charset=utf-8",
            Self::PlainText => "text/plain; charset=utf-8",
            Self::ProblemXml => PROBLEM_XML,
        }
    }

    /// The index of this representation in [`ALL`](Self::ALL).
    const fn index(self) -> usize {
        self as usize
    }
}

/// How specifically the media range `top/sub` names each representation, in the order of
/// [`Representation::ALL`]: 3 for its own media type, 2 for a type it answers for
/// (`application/json`, `application/xml`, `text/xml`), 1 for its top-level type with `*`, 0
/// for `*/*`; `None` where the range does not name it. Each range is compared once, whatever
/// is offered.
fn specificities(top: &[u8], sub: &[u8]) -> [Option<u8>; 4] {
    use Representation::{Html, PlainText, ProblemJson, ProblemXml};
    /// Each media type a representation answers for: under `application/` or not (`text/`),
    /// the subtype, the representation and the specificity.
    const NAMED: [(bool, &str, Representation, u8); 7] = [
        (true, "problem+json", ProblemJson, 3),
        (true, "json", ProblemJson, 2),
        (true, "problem+xml", ProblemXml, 3),
        (true, "xml", ProblemXml, 2),
        (false, "xml", ProblemXml, 2),
        (false, "html", Html, 3),
        (false, "plain", PlainText, 3),
    ];
    let is = |a: &[u8], b: &str| a.eq_ignore_ascii_case(b.as_bytes());
    let mut named = [None; 4];
    if is(top, "*") {
        if is(sub, "*") {
            named = [Some(0); 4];
        }
        return named;
    }
    let application = is(top, "application");
    if !application && !is(top, "text") {
        return named;
    }
    if is(sub, "*") {
        let covered = if application {
            [ProblemJson, ProblemXml]
        } else {
            [Html, PlainText]
        };
        for representation in covered {
            named[representation.index()] = Some(1);
        }
        return named;
    }
    if let Some(&(_, _, representation, specificity)) = NAMED
        .iter()
        .find(|(under_application, name, ..)| *under_application == application && is(sub, name))
    {
        named[representation.index()] = Some(specificity);
    }
    named
}

/// The media type of RFC 9457's XML format.
pub(crate) const PROBLEM_XML: &str = "application/problem+xml";

/// The representation `accept` prefers among `offered`, as RFC 9110 section 12.5.1 ranks
/// them: each takes the weight of the most specific media range that names it, the highest
/// weight wins, and a tie goes to the earlier in [`Representation::ALL`]. `accept` is the
/// field's lines as they came (several lines are one list); with no line, no range that
/// parses, or no offered representation weighted above 0, the answer is
/// [`Representation::ProblemJson`].
pub(crate) fn preferred<'a>(
    accept: impl IntoIterator<Item = &'a [u8]>,
    offered: impl Fn(Representation) -> bool,
) -> Representation {
    // What API clients send most, answered without parsing: each names JSON and nothing
    // else this crate sends, or everything alike (where the tie goes to JSON).
    const JSON_ALONE: [&[u8]; 3] = [b"application/json", b"application/problem+json", b"*/*"];
    let mut lines = accept.into_iter();
    let Some(first) = lines.next() else {
        return Representation::ProblemJson;
    };
    let second = lines.next();
    if second.is_none()
        && JSON_ALONE
            .iter()
            .any(|json| first.eq_ignore_ascii_case(json))
    {
        return Representation::ProblemJson;
    }
    // Per representation: the specificity and weight of the most specific range so far.
    let mut best: [Option<(u8, u16)>; 4] = [None; 4];
    for line in [Some(first), second].into_iter().flatten().chain(lines) {
        let mut ranges = Ranges::new(line);
        while let Some(range) = ranges.next_range() {
            let named = specificities(range.top, range.sub);
            for representation in Representation::ALL {
                let Some(specificity) = named[representation.index()] else {
                    continue;
                };
                if !offered(representation) {
                    continue;
                }
                let slot = &mut best[representation.index()];
                // The most specific range decides; among equally specific ones, the first.
                match slot {
                    Some((taken, _)) if *taken >= specificity => {}
                    _ => *slot = Some((specificity, range.weight)),
                }
            }
        }
    }
    let mut chosen = Representation::ProblemJson;
    let mut chosen_weight = 0;
    for representation in Representation::ALL {
        if let Some((_, weight)) = best[representation.index()] {
            if weight > chosen_weight {
                chosen = representation;
                chosen_weight = weight;
            }
        }
    }
    chosen
}

/// One media range: its type and subtype, and its weight in thousandths (1000 for no `q`).
struct Range<'a> {
    top: &'a [u8],
    sub: &'a [u8],
    weight: u16,
}

/// The media ranges of one `Accept` line, read left to right, each byte once.
struct Ranges<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Bytes looked at, for the tests that show the reading is linear.
    #[cfg(test)]
    reads: usize,
}

impl<'a> Ranges<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Ranges {
            bytes,
            at: 0,
            #[cfg(test)]
            reads: 0,
        }
    }

    fn peek(&mut self) -> Option<u8> {
        #[cfg(test)]
        {
            self.reads += 1;
        }
        self.bytes.get(self.at).copied()
    }

    /// The next range that parses; a malformed one is skipped up to the next `,` outside a
    /// quoted string.
    fn next_range(&mut self) -> Option<Range<'a>> {
        loop {
            self.skip(|b| b == b',' || is_space(b));
            self.peek()?;
            if let Some(range) = self.range() {
                return Some(range);
            }
            self.skip_element();
        }
    }

    /// `type "/" subtype *( OWS ";" OWS parameter )`, ending before the `,` that ends it or
    /// at the end; `None`, with the cursor inside the element, when it does not parse.
    fn range(&mut self) -> Option<Range<'a>> {
        let top = self.token();
        if top.is_empty() || self.peek() != Some(b'/') {
            return None;
        }
        self.at += 1;
        let sub = self.token();
        if sub.is_empty() || (top == b"*" && sub != b"*") {
            return None;
        }
        let mut weight = 1000;
        loop {
            self.skip(is_space);
            match self.peek() {
                None | Some(b',') => return Some(Range { top, sub, weight }),
                Some(b';') => self.at += 1,
                Some(_) => return None,
            }
            self.skip(is_space);
            let name = self.token();
            if name.is_empty() {
                // `text/html;` with nothing after the `;` is allowed (RFC 9110 section 5.6.6).
                continue;
            }
            if self.peek() != Some(b'=') {
                return None;
            }
            self.at += 1;
            if self.peek() == Some(b'"') {
                self.quoted()?;
            } else {
                let value = self.token();
                if name.eq_ignore_ascii_case(b"q") {
                    weight = qvalue(value)?;
                }
            }
        }
    }

    /// The longest run of token characters (RFC 9110 section 5.6.2) from the cursor.
    fn token(&mut self) -> &'a [u8] {
        let start = self.at;
        self.skip(is_tchar);
        &self.bytes[start..self.at]
    }

    /// A quoted string, the cursor on its opening quote; `None` if it does not end.
    fn quoted(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
    }

    /// Moves past the rest of a malformed element: up to its `,`, over quoted strings.
    fn skip_element(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b',' => return,
                b'"' => {
                    if self.quoted().is_none() {
                        self.at = self.bytes.len();
                    }
                }
                _ => self.at += 1,
            }
        }
    }

    fn skip(&mut self, while_: impl Fn(u8) -> bool) {
        while self.peek().is_some_and(&while_) {
            self.at += 1;
        }
    }
}

fn is_space(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// `tchar` of RFC 9110 section 5.6.2.
fn is_tchar(byte: u8) -> bool {
    TCHAR[usize::from(byte)]
}

/// Whether each byte is a `tchar`: one lookup per byte of a token.
// A `static`, not a `const`: a `const` array is copied to the stack wherever it is indexed.
static TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte: u8 = 0;
    loop {
        table[byte as usize] = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        if byte == u8::MAX {
            break;
        }
        byte += 1;
    }
    table
};

/// A `qvalue` in thousandths: `0`, `1`, or either with up to three decimals, and `1` only
/// with zeros (RFC 9110 section 12.4.2).
fn qvalue(text: &[u8]) -> Option<u16> {
    let (&first, rest) = text.split_first()?;
    let decimals = match rest {
        [] => &[][..],
        [b'.', decimals @ ..] if decimals.len() <= 3 => decimals,
        _ => return None,
    };
    let mut thousandths: u16 = match first {
        b'0' => 0,
        b'1' => 1000,
        _ => return None,
    };
    let mut scale = 100;
    for &digit in decimals {
        if !digit.is_ascii_digit() {
            return None;
        }
        thousandths += u16::from(digit - b'0') * scale;
        scale /= 10;
    }
    (thousandths <= 1000).then_some(thousandths)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Representation::{Html, PlainText, ProblemJson, ProblemXml};

    fn all(_: Representation) -> bool {
        true
    }

    fn pick(accept: &str) -> Representation {
        preferred([accept.as_bytes()], all)
    }

    #[test]
    fn no_accept_any_and_json_get_problem_json() {
        assert_eq!(preferred([], all), ProblemJson);
        assert_eq!(pick(""), ProblemJson);
        assert_eq!(pick("*/*"), ProblemJson);
        assert_eq!(pick("application/json"), ProblemJson);
        assert_eq!(pick("application/problem+json"), ProblemJson);
        assert_eq!(pick("application/*"), ProblemJson);
    }

    #[test]
    fn each_representation_is_chosen_by_its_media_type() {
        assert_eq!(pick("text/html"), Html);
        assert_eq!(pick("text/plain"), PlainText);
        assert_eq!(pick("application/problem+xml"), ProblemXml);
        assert_eq!(pick("application/xml"), ProblemXml);
        assert_eq!(pick("TEXT/XML"), ProblemXml);
    }

    #[test]
    fn a_browser_navigation_gets_the_page() {
        // Chromium's and Firefox's `Accept` for a navigation.
        let chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,\
                        image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
        assert_eq!(pick(chromium), Html);
        let firefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(pick(firefox), Html);
        // `fetch()` without a header of its own.
        assert_eq!(pick("*/*"), ProblemJson);
    }

    #[test]
    fn what_api_clients_send_most_is_read_as_the_parser_reads_it() {
        // A second, empty line sends these through the parser, past the shortcut.
        for accept in ["application/json", "Application/Problem+JSON", "*/*"] {
            for offered in 0..8_u8 {
                let offers = |r: Representation| r == ProblemJson || offered & (1 << r as u8) != 0;
                let short = preferred([accept.as_bytes()], offers);
                let parsed = preferred([accept.as_bytes(), b""], offers);
                assert_eq!((short, parsed), (ProblemJson, ProblemJson), "{accept}");
            }
        }
    }

    #[test]
    fn weights_decide_both_ways() {
        assert_eq!(pick("text/html;q=0.5, application/json"), ProblemJson);
        assert_eq!(pick("text/html, application/json;q=0.5"), Html);
        assert_eq!(pick("text/plain;q=0.9, text/html;q=0.8"), PlainText);
        assert_eq!(pick("text/plain;q=0.8, text/html;q=0.9"), Html);
        assert_eq!(
            pick("application/json;q=0.001, text/plain;q=0"),
            ProblemJson
        );
    }

    #[test]
    fn the_most_specific_range_gives_the_weight() {
        // `text/*` would give HTML 1, but `text/html` names it with 0.
        assert_eq!(pick("text/*, text/html;q=0"), PlainText);
        assert_eq!(pick("text/html;q=0, text/*"), PlainText);
        // `*/*` would give JSON 1; `application/problem+json;q=0` refuses it.
        assert_eq!(pick("*/*, application/problem+json;q=0"), Html);
        // The media type itself is more specific than `application/json`.
        assert_eq!(
            pick("application/problem+json;q=0.2, application/json, text/plain;q=0.5"),
            PlainText
        );
    }

    #[test]
    fn ties_go_to_json_then_html_then_text() {
        assert_eq!(pick("text/*"), Html);
        assert_eq!(pick("text/plain, text/html"), Html);
        assert_eq!(pick("text/plain, application/json"), ProblemJson);
        assert_eq!(pick("application/xml, text/plain"), PlainText);
    }

    #[test]
    fn what_cannot_be_served_gets_problem_json() {
        assert_eq!(pick("image/png"), ProblemJson);
        assert_eq!(pick("text/html;q=0"), ProblemJson);
        assert_eq!(pick("*/*;q=0"), ProblemJson);
        assert_eq!(
            pick("application/problem+json;q=0, text/html;q=0"),
            ProblemJson
        );
    }

    #[test]
    fn only_offered_representations_are_chosen() {
        let json_and_html = |r| matches!(r, ProblemJson | Html);
        assert_eq!(preferred([&b"text/plain"[..]], json_and_html), ProblemJson);
        assert_eq!(preferred([&b"text/*"[..]], json_and_html), Html);
        let json = |r| r == ProblemJson;
        assert_eq!(preferred([&b"application/xml"[..]], json), ProblemJson);
    }

    #[test]
    fn several_lines_are_one_list() {
        let lines: [&[u8]; 2] = [b"application/json;q=0.5", b"text/html"];
        assert_eq!(preferred(lines, all), Html);
    }

    #[test]
    fn parameters_and_quoted_strings_are_read_over() {
        assert_eq!(pick("text/html;level=1;q=0.4, text/plain;q=0.3"), Html);
        assert_eq!(
            pick(r#"text/plain;a="x,y;q=0", text/html;q=0.1"#),
            PlainText
        );
        assert_eq!(pick(r#"text/plain;a="\"quoted\"";q=1"#), PlainText);
        assert_eq!(pick("text/html ; q=0.5 ; charset=utf-8"), Html);
        assert_eq!(pick("text/html;"), Html);
        assert_eq!(pick("text/html;q=1.000"), Html);
    }

    #[test]
    fn malformed_ranges_are_passed_over() {
        for malformed in [
            "text",
            "/html",
            "text/",
            "*/html",
            "text/html;q=2",
            "text/html;q=1.5",
            "text/html;q=0.1234",
            "text/html;q=",
            "text/html;q=.5",
            "text/html;=1",
            "text/html;q",
            "text/html extra",
            "\u{7f}/\u{7f}",
            ",,,;;;===\"\"",
        ] {
            assert_eq!(pick(malformed), ProblemJson, "{malformed}");
            // A malformed range does not spoil the ranges after it.
            assert_eq!(
                pick(&format!("{malformed}, text/plain")),
                PlainText,
                "{malformed}"
            );
        }
        assert_eq!(preferred([&[0xff, b'/', 0xfe][..]], all), ProblemJson);
        // A quoted string that does not end takes the rest of the line with it.
        assert_eq!(pick("text/html;a=\"open, text/plain"), ProblemJson);
    }

    #[test]
    fn qvalues_are_read_in_thousandths() {
        assert_eq!(qvalue(b"0"), Some(0));
        assert_eq!(qvalue(b"1"), Some(1000));
        assert_eq!(qvalue(b"0.5"), Some(500));
        assert_eq!(qvalue(b"0.125"), Some(125));
        assert_eq!(qvalue(b"1.000"), Some(1000));
        assert_eq!(qvalue(b"0."), Some(0));
        assert_eq!(qvalue(b"1.001"), None);
        assert_eq!(qvalue(b"0.5x"), None);
        assert_eq!(qvalue(b""), None);
    }

    /// Bytes looked at to read every range of `line`.
    fn reads(line: &[u8]) -> usize {
        let mut ranges = Ranges::new(line);
        while ranges.next_range().is_some() {}
        ranges.reads
    }

    // The time is linear in the header's length: every byte is looked at a bounded number of
    // times, however the header is made. Counted, not timed, so that it holds on any machine.
    #[test]
    fn reading_looks_at_each_byte_a_bounded_number_of_times() {
        let many_ranges = "a/a;q=0.5, ".repeat(10_000);
        let long_token = format!("text/{}", "h".repeat(65_536));
        let many_parameters = format!("text/html{}", ";a=b".repeat(16_384));
        let open_quote = format!("text/html;a=\"{}", "\\\"".repeat(32_768));
        let separators = ",".repeat(65_536);
        let malformed = "text/html;q=2,".repeat(4_681);
        for header in [
            many_ranges,
            long_token,
            many_parameters,
            open_quote,
            separators,
            malformed,
        ] {
            let len = header.len();
            assert!(len >= 40_000, "{len}");
            let reads = reads(header.as_bytes());
            assert!(reads <= 3 * len + 3, "{reads} reads for {len} bytes");
        }
    }
}
