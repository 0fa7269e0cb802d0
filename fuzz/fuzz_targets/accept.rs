//! Feeds arbitrary `Accept` headers to content negotiation
//! (`status_core::negotiate::Negotiation::representation`): it must never panic, must answer
//! with a representation it offers, and must answer as a reference reading of the rules does.
//!
//! The input is the header's lines, one per `\n` (a request may send `Accept` on several
//! lines, which are one list); empty input is a request without the header. Each input is
//! negotiated for every choice of `Negotiation::without(...)`.
//!
//! The reference below reads the header another way than the library does: it splits each
//! line on the commas outside quoted strings, splits each element on the semicolons outside
//! quoted strings, and checks each piece against RFC 9110's grammar (sections 5.6 and 12.5.1),
//! where the library reads each byte once, left to right. It then ranks as the doc comments of
//! `status-core/src/serve/accept.rs` say: each representation takes the weight of the most
//! specific range that names it (its own media type 3, a type it answers for 2, `type/*` 1,
//! `*/*` 0; among equally specific ones, the first), the highest weight above 0 wins, a tie
//! goes to the earlier of JSON, HTML, text, XML, and with none JSON. A disagreement is a bug
//! in one of the two.
//!
//! `cargo fuzz run accept` (from the repository root), or `bash fuzz/run.sh SECONDS accept`.
#![no_main]

use status_core::negotiate::{Negotiation, Representation};

/// What a server can take on an `Accept` line: a field value holds no control character but
/// the tab (RFC 9110 section 5.5; `http::HeaderValue` refuses the rest). The library must not
/// panic on them either, but the reference answers only for what a request can carry.
fn is_field_value(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b'\t' || (b >= 0x20 && b != 0x7f))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let lines: Vec<&[u8]> = if data.is_empty() {
        Vec::new()
    } else {
        data.split(|&b| b == b'\n').collect()
    };
    let readable = lines.iter().all(|line| is_field_value(line));
    let reference_ranges = readable.then(|| reference::ranges(&lines));

    // Every subset of the representations besides JSON, which is always offered.
    for withheld in 0u8..8 {
        let mut negotiation = Negotiation::new();
        let mut offered = vec![Representation::ProblemJson];
        for (bit, representation) in [
            Representation::Html,
            Representation::PlainText,
            Representation::ProblemXml,
        ]
        .into_iter()
        .enumerate()
        {
            if withheld & (1 << bit) != 0 {
                negotiation = negotiation.without(representation);
            } else {
                offered.push(representation);
            }
        }
        if withheld == 7 {
            // JSON cannot be withheld: it is the answer when nothing else fits.
            negotiation = negotiation.without(Representation::ProblemJson);
        }
        let chosen = negotiation.representation(lines.iter().copied());
        assert!(
            offered.contains(&chosen),
            "{chosen:?} is not offered ({offered:?}) for {:?}",
            String::from_utf8_lossy(data)
        );
        if let Some(ranges) = &reference_ranges {
            let expected = reference::preferred(ranges, &offered);
            assert_eq!(
                chosen,
                expected,
                "offering {offered:?}, the library and the reference disagree on {:?} \
                 (the reference read {ranges:?})",
                String::from_utf8_lossy(data)
            );
        }
    }
});

mod reference {
    use status_core::negotiate::Representation;

    /// A media range the reference read: type and subtype as written, and the weight in
    /// thousandths.
    #[derive(Debug)]
    pub struct Range {
        top: String,
        sub: String,
        weight: u16,
    }

    /// Every well-formed media range of the lines, in order; the malformed ones left out.
    pub fn ranges(lines: &[&[u8]]) -> Vec<Range> {
        lines
            .iter()
            .flat_map(|line| split_outside_quotes(line, b','))
            .filter_map(range)
            .collect()
    }

    /// `bytes` split at each `separator` that is not inside a quoted string; a quoted string
    /// runs from a `"` to the next `"` not escaped by a `\`, or to the end.
    fn split_outside_quotes(bytes: &[u8], separator: u8) -> Vec<&[u8]> {
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut quoted = false;
        let mut escaped = false;
        for (i, &b) in bytes.iter().enumerate() {
            if quoted {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    quoted = false;
                }
            } else if b == b'"' {
                quoted = true;
            } else if b == separator {
                pieces.push(&bytes[start..i]);
                start = i + 1;
            }
        }
        pieces.push(&bytes[start..]);
        pieces
    }

    /// `bytes` without the optional whitespace (SP, HTAB) at either end.
    fn trim(bytes: &[u8]) -> &[u8] {
        let is_ows = |b: &u8| *b == b' ' || *b == b'\t';
        let start = bytes.iter().position(|b| !is_ows(b)).unwrap_or(bytes.len());
        let end = bytes
            .iter()
            .rposition(|b| !is_ows(b))
            .map_or(start, |i| i + 1);
        &bytes[start..end]
    }

    /// `token = 1*tchar` (RFC 9110 section 5.6.2).
    fn is_token(bytes: &[u8]) -> bool {
        !bytes.is_empty()
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(b))
    }

    /// `quoted-string` (RFC 9110 section 5.6.4), read leniently as the splitting reads it: a
    /// `"`, then anything with `\` escaping the byte after it, then the closing `"` last.
    fn is_quoted_string(bytes: &[u8]) -> bool {
        let [b'"', inner @ .., b'"'] = bytes else {
            return false;
        };
        let mut escaped = false;
        for &b in inner {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                return false;
            }
        }
        !escaped
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )` (RFC 9110 section
    /// 12.4.2), in thousandths.
    fn qvalue(bytes: &[u8]) -> Option<u16> {
        let text = std::str::from_utf8(bytes).ok()?;
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (text, ""),
        };
        if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
        match whole {
            "0" => Some(thousandths),
            "1" if thousandths == 0 => Some(1000),
            _ => None,
        }
    }

    /// `media-range = ( "*/*" / ( type "/" "*" ) / ( type "/" subtype ) ) parameters`, with
    /// `parameters = *( OWS ";" OWS [ parameter ] )` and `parameter = token "=" ( token /
    /// quoted-string )`; `q`, in any case, with a token value is the weight, and must be a
    /// qvalue (the last one counts). `None` for an element that is empty or malformed.
    fn range(element: &[u8]) -> Option<Range> {
        let mut pieces = split_outside_quotes(element, b';').into_iter().map(trim);
        let media_type = pieces.next()?;
        let slash = media_type.iter().position(|&b| b == b'/')?;
        let (top, sub) = (&media_type[..slash], &media_type[slash + 1..]);
        if !is_token(top) || !is_token(sub) || (top == b"*" && sub != b"*") {
            return None;
        }
        let mut weight = 1000;
        for parameter in pieces {
            if parameter.is_empty() {
                continue;
            }
            let equals = parameter.iter().position(|&b| b == b'=')?;
            let (name, value) = (&parameter[..equals], &parameter[equals + 1..]);
            if !is_token(name) {
                return None;
            }
            let is_weight = name.eq_ignore_ascii_case(b"q");
            if is_token(value) {
                if is_weight {
                    weight = qvalue(value)?;
                }
            } else if is_quoted_string(value) {
                // `q="0.5"` is no weight (a weight is `q=` and a qvalue): a parameter.
            } else if !(value.is_empty() && !is_weight) {
                // The library takes an empty value (`charset=`) of a parameter other than
                // `q`, which the grammar does not; harmless, and so the reference takes it too.
                return None;
            }
        }
        Some(Range {
            top: String::from_utf8(top.to_vec()).ok()?,
            sub: String::from_utf8(sub.to_vec()).ok()?,
            weight,
        })
    }

    /// How specifically `range` names `representation`, from the table of what each
    /// representation answers for; `None` when it does not.
    fn specificity(representation: Representation, range: &Range) -> Option<u8> {
        let names: &[(&str, &str, u8)] = match representation {
            Representation::ProblemJson => &[
                ("application", "problem+json", 3),
                ("application", "json", 2),
                ("application", "*", 1),
                ("*", "*", 0),
            ],
            Representation::Html => &[("text", "html", 3), ("text", "*", 1), ("*", "*", 0)],
            Representation::PlainText => &[("text", "plain", 3), ("text", "*", 1), ("*", "*", 0)],
            Representation::ProblemXml => &[
                ("application", "problem+xml", 3),
                ("application", "xml", 2),
                ("text", "xml", 2),
                ("application", "*", 1),
                ("*", "*", 0),
            ],
            _ => unreachable!("a representation the reference does not know"),
        };
        names
            .iter()
            .find(|(top, sub, _)| {
                range.top.eq_ignore_ascii_case(top) && range.sub.eq_ignore_ascii_case(sub)
            })
            .map(|&(_, _, specificity)| specificity)
    }

    /// The representation `ranges` prefer among `offered`.
    pub fn preferred(ranges: &[Range], offered: &[Representation]) -> Representation {
        let mut chosen = Representation::ProblemJson;
        let mut chosen_weight = 0;
        for representation in Representation::ALL {
            if !offered.contains(&representation) {
                continue;
            }
            // The first of the most specific ranges that name it.
            let mut best: Option<(u8, u16)> = None;
            for range in ranges {
                if let Some(specificity) = specificity(representation, range) {
                    if best.map_or(true, |(taken, _)| specificity > taken) {
                        best = Some((specificity, range.weight));
                    }
                }
            }
            if let Some((_, weight)) = best {
                if weight > chosen_weight {
                    chosen = representation;
                    chosen_weight = weight;
                }
            }
        }
        chosen
    }
}
