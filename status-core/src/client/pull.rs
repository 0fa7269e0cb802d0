//! A problem body read as [`FromProblem::from_received`](crate::FromProblem::from_received)
//! asks for it, in one pass.
//!
//! A derived `from_received` asks for the `code` first, then for each field of the variant that
//! code names. This reader goes through the body only as far as each question needs: a
//! standard member into its place, an extension member straight into the type of the field
//! that asks for it (by `serde_json`), and a member passed over on the way only by its place in
//! the body, for a later question to read. A body in the order this crate's servers write it
//! (`code` before the extension members) is so read once, member by member, with nothing
//! copied and nothing allocated.
//!
//! An answer holds only if the rest of the body does not change it, since a member given twice
//! counts as its last occurrence. The members an answer was taken from are marked as observed,
//! and once the value is built [`Pull::finish`] reads the rest of the body. Another occurrence
//! of an observed member, or anything this reader does not read itself (a member name with an
//! escape, a body that is not a JSON object), and `from_response` decodes the body again from
//! a `ProblemView`, the reference this reader follows (its tests compare the two).
//!
//! The object's punctuation and whitespace are read here; every value is read by `serde_json`,
//! as the view reads it, except plain strings (no escape) and integers of up to four digits,
//! which are read here where `serde_json` would read them the same. The body is checked to be
//! UTF-8 as a whole first, as the view checks each of its strings.

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use http::StatusCode;
use serde::de::{Deserialize, DeserializeOwned, IgnoredAny};

use crate::problem::view::Scalar;
use crate::problem::STANDARD_MEMBERS;

/// A problem body, read as far as the questions asked of it need.
#[derive(Debug)]
pub(crate) struct Pull<'a> {
    text: &'a str,
    /// The response's status: the problem's when the body names none.
    status: u16,
    /// Whether the body is UTF-8 text opening a JSON object.
    opens: bool,
    state: Mutex<State>,
    /// A `code` or `detail` with an escape, unescaped: an answer borrows it.
    code: OnceLock<String>,
    detail: OnceLock<String>,
}

/// How far the body has been read, and what it said so far. Places in the body rather than
/// its text, so that a `Pull` is covariant in its lifetime, as `Received` is.
#[derive(Debug, Default)]
struct State {
    /// Where reading goes on: after the `{`, or after the last value read.
    at: usize,
    place: Place,
    status: Standard<u16>,
    code: Standard<Text>,
    detail: Standard<Text>,
    /// The extension members read or passed over, in body order.
    members: Members,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// After the `{`: a name or the `}`.
    #[default]
    Open,
    /// After a member's value: a `,` or the `}`.
    AfterValue,
    /// After the `}` and the whitespace to the end.
    Closed,
    /// Not for this reader: the view decodes the body again.
    Failed,
}

/// A standard member: its value so far, whether the body has given it, and whether an answer
/// was taken from it (so that another occurrence would change the answer).
#[derive(Debug)]
struct Standard<T> {
    value: Option<T>,
    seen: bool,
    observed: bool,
}

impl<T> Default for Standard<T> {
    fn default() -> Self {
        Self {
            value: None,
            seen: false,
            observed: false,
        }
    }
}

impl<T: Copy> Standard<T> {
    fn set(&mut self, value: Option<T>) -> Reading<()> {
        if self.observed {
            return Err(Failed);
        }
        self.value = value;
        self.seen = true;
        Ok(())
    }

    fn observe(&mut self) -> Option<T> {
        self.observed = true;
        self.value
    }
}

/// A text member's value: a place in the body, or the member's unescaped copy.
#[derive(Debug, Clone, Copy)]
enum Text {
    Body(usize, usize),
    Unescaped,
}

/// An extension member: its name's and value's places in the body.
#[derive(Debug, Default, Clone, Copy)]
struct Member {
    name: (usize, usize),
    value: (usize, usize),
    observed: bool,
}

/// The members read so far: a few inline, the rest (a body with many extension members read
/// out of order) in a `Vec`.
#[derive(Debug, Default)]
struct Members {
    inline: [Member; 4],
    len: usize,
    more: Vec<Member>,
}

impl Members {
    fn push(&mut self, member: Member) {
        match self.inline.get_mut(self.len) {
            Some(slot) => {
                *slot = member;
                self.len += 1;
            }
            None => self.more.push(member),
        }
    }

    fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut Member> {
        self.inline[..self.len].iter_mut().chain(&mut self.more)
    }
}

/// The reading cannot go on here.
struct Failed;

/// A member's name, and its place in the body.
type NameAt<'a> = (&'a [u8], (usize, usize));

type Reading<T> = Result<T, Failed>;

/// What one step of reading met.
enum Step<'a> {
    /// A standard member, read into its place.
    Standard,
    /// An extension member's name, and its place; its value is next.
    Member(&'a [u8], (usize, usize)),
    /// The end of the object, or of this reader's reading.
    End,
}

impl<'a> Pull<'a> {
    /// The reader of `body`; one that reads nothing (see [`Pull::opens`]) if it is not UTF-8
    /// text opening a JSON object.
    pub(crate) fn new(status: StatusCode, body: &'a [u8]) -> Self {
        let text = std::str::from_utf8(body).unwrap_or_default();
        let at = skip_space(text.as_bytes(), 0);
        let opens = text.as_bytes().get(at) == Some(&b'{');
        Self {
            text,
            status: status.as_u16(),
            opens,
            state: Mutex::new(State {
                at: at + 1,
                place: if opens { Place::Open } else { Place::Failed },
                ..State::default()
            }),
            code: OnceLock::new(),
            detail: OnceLock::new(),
        }
    }

    /// The reading so far. A lock, not a `RefCell`, so that `Received` stays `Send`, `Sync`
    /// and unwind-safe; it is never contended, and a field's `Deserialize` that panics while
    /// it is held leaves it as usable as a `RefCell` would be.
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Whether the body opens a JSON object, and so is read here.
    pub(crate) fn opens(&self) -> bool {
        self.opens
    }

    /// The problem's `code`, as far as the body has been read to find it.
    pub(crate) fn code(&self) -> Option<&str> {
        let state = &mut *self.state();
        self.read_until(state, |state| state.code.seen);
        let code = state.code.observe()?;
        self.text(code, &self.code)
    }

    /// The problem's `detail`, likewise.
    pub(crate) fn detail(&self) -> Option<&str> {
        let state = &mut *self.state();
        self.read_until(state, |state| state.detail.seen);
        let detail = state.detail.observe()?;
        self.text(detail, &self.detail)
    }

    /// The problem's `status`, likewise; the response's where the body gives none that is one.
    pub(crate) fn status(&self) -> u16 {
        let state = &mut *self.state();
        self.read_until(state, |state| state.status.seen);
        state.status.observe().unwrap_or(self.status)
    }

    /// The extension member `name` as a `T`, as `ProblemView::member` reads it: an absent one
    /// reads as `null`.
    pub(crate) fn member<T: DeserializeOwned>(&self, name: &str) -> Option<T> {
        if STANDARD_MEMBERS.contains(&name) {
            return absent();
        }
        let state = &mut *self.state();
        let name = name.as_bytes();
        // Passed over already: read from its text, as the view does.
        if let Some(member) = state
            .members
            .iter_mut()
            .rev()
            .find(|member| self.name(member) == name)
        {
            member.observed = true;
            let text = self.text.get(member.value.0..member.value.1)?;
            return serde_json::from_str(text).ok();
        }
        loop {
            let (found, at) = match self.step(state) {
                Step::Standard => continue,
                Step::Member(found, at) => (found, at),
                Step::End if state.place == Place::Failed => return None,
                Step::End => return absent(),
            };
            if found != name {
                self.pass_over(state, found, at, true);
                continue;
            }
            // Read straight into its type; a value that is not one is passed over as the view
            // would have, so that the body's syntax is still checked.
            let start = state.at;
            let value = self.value::<T>(state).ok();
            if value.is_none() {
                state.at = start;
                if self.skip(state).is_err() {
                    state.place = Place::Failed;
                    return None;
                }
            }
            state.members.push(Member {
                name: at,
                value: (start, state.at),
                observed: true,
            });
            return value;
        }
    }

    /// Reads the rest of the body: whether it leaves every answer given as it was, and is a
    /// JSON object to its end, as the view would read it.
    pub(crate) fn finish(&self) -> bool {
        let state = &mut *self.state();
        loop {
            match self.step(state) {
                Step::Standard => {}
                Step::Member(name, at) => self.pass_over(state, name, at, false),
                Step::End => return state.place == Place::Closed,
            }
        }
    }

    /// Reads members until `found` holds or the body ends.
    fn read_until(&self, state: &mut State, found: fn(&State) -> bool) {
        while !found(state) {
            match self.step(state) {
                Step::Standard => {}
                Step::Member(name, at) => self.pass_over(state, name, at, true),
                Step::End => return,
            }
        }
    }

    /// Reads the next member if it is a standard one; else stops before an extension
    /// member's value. On a failure, marks the state failed and ends.
    fn step(&self, state: &mut State) -> Step<'a> {
        self.try_step(state).unwrap_or_else(|Failed| {
            state.place = Place::Failed;
            Step::End
        })
    }

    fn try_step(&self, state: &mut State) -> Reading<Step<'a>> {
        let Some((name, at)) = self.next_name(state)? else {
            return Ok(Step::End);
        };
        match name {
            b"status" => {
                let status = self.status_value(state)?;
                state.status.set(status)?;
            }
            b"code" => {
                let code = self.text_value(state, &self.code)?;
                state.code.set(code)?;
            }
            b"detail" => {
                let detail = self.text_value(state, &self.detail)?;
                state.detail.set(detail)?;
            }
            // Not read by decoding, but their syntax is checked.
            b"type" | b"title" | b"instance" => self.skip(state)?,
            _ => return Ok(Step::Member(name, at)),
        }
        Ok(Step::Standard)
    }

    /// Passes over the value of the extension member `name`, keeping its place if `keep`; a
    /// member an answer was read from, given again, fails the reading.
    fn pass_over(&self, state: &mut State, name: &[u8], at: (usize, usize), keep: bool) {
        let start = state.at;
        let again = state
            .members
            .iter_mut()
            .any(|member| member.observed && self.name(member) == name);
        if again || self.skip(state).is_err() {
            state.place = Place::Failed;
        } else if keep {
            state.members.push(Member {
                name: at,
                value: (start, state.at),
                observed: false,
            });
        }
    }

    /// The next member's name and its place, reading up to its value; `None` after the
    /// object's end.
    fn next_name(&self, state: &mut State) -> Reading<Option<NameAt<'a>>> {
        let bytes = self.text.as_bytes();
        let mut at = skip_space(bytes, state.at);
        match (state.place, bytes.get(at)) {
            (Place::Open | Place::AfterValue, Some(b'}')) => {
                if skip_space(bytes, at + 1) != bytes.len() {
                    return Err(Failed);
                }
                state.at = bytes.len();
                state.place = Place::Closed;
                return Ok(None);
            }
            (Place::Open, _) => {}
            (Place::AfterValue, Some(b',')) => at = skip_space(bytes, at + 1),
            (Place::Closed, _) => return Ok(None),
            (Place::AfterValue | Place::Failed, _) => return Err(Failed),
        }
        if bytes.get(at) != Some(&b'"') {
            return Err(Failed);
        }
        // A name with an escape is left to the view.
        let end = plain_string(bytes, at + 1).ok_or(Failed)?;
        let name = (at + 1, end);
        at = skip_space(bytes, end + 1);
        if bytes.get(at) != Some(&b':') {
            return Err(Failed);
        }
        state.at = skip_space(bytes, at + 1);
        state.place = Place::AfterValue;
        Ok(Some((&bytes[name.0..name.1], name)))
    }

    /// A `status` value: an integer that fits, else `None` (the view's `Scalar`).
    fn status_value(&self, state: &mut State) -> Reading<Option<u16>> {
        if let Some((status, end)) = small_integer(self.text.as_bytes(), state.at) {
            state.at = end;
            return Ok(Some(status));
        }
        Ok(match self.value::<Scalar>(state)? {
            Scalar::Unsigned(n) => u16::try_from(n).ok(),
            _ => None,
        })
    }

    /// A `code` or `detail` value: a string, else `None`; one with an escape is unescaped
    /// into `unescaped`, which only one occurrence can fill.
    fn text_value(&self, state: &mut State, unescaped: &OnceLock<String>) -> Reading<Option<Text>> {
        let bytes = self.text.as_bytes();
        if bytes.get(state.at) == Some(&b'"') {
            if let Some(end) = plain_string(bytes, state.at + 1) {
                let text = Text::Body(state.at + 1, end);
                state.at = end + 1;
                return Ok(Some(text));
            }
        }
        Ok(match self.value::<Scalar>(state)? {
            Scalar::Text(text) => {
                unescaped.set(text.into_owned()).map_err(|_| Failed)?;
                Some(Text::Unescaped)
            }
            _ => None,
        })
    }

    fn name(&self, member: &Member) -> &'a [u8] {
        &self.text.as_bytes()[member.name.0..member.name.1]
    }

    fn text<'s>(&'s self, text: Text, unescaped: &'s OnceLock<String>) -> Option<&'s str> {
        match text {
            Text::Body(start, end) => self.text.get(start..end),
            Text::Unescaped => unescaped.get().map(String::as_str),
        }
    }

    /// Reads a `T` from the value at the reading place with `serde_json`, and moves past it.
    fn value<T: Deserialize<'a>>(&self, state: &mut State) -> Reading<T> {
        let rest = self.text.get(state.at..).ok_or(Failed)?;
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<T>();
        match values.next() {
            Some(Ok(value)) => {
                state.at += values.byte_offset();
                Ok(value)
            }
            _ => Err(Failed),
        }
    }

    /// Moves past the value at the reading place, checking its syntax as a `RawValue` would.
    fn skip(&self, state: &mut State) -> Reading<()> {
        let bytes = self.text.as_bytes();
        if bytes.get(state.at) == Some(&b'"') {
            if let Some(end) = plain_string(bytes, state.at + 1) {
                state.at = end + 1;
                return Ok(());
            }
        }
        self.value::<IgnoredAny>(state)?;
        Ok(())
    }
}

/// What an absent member reads as.
fn absent<T: DeserializeOwned>() -> Option<T> {
    serde_json::from_str("null").ok()
}

/// The place after the JSON whitespace at `at`.
fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

/// The place of the `"` that closes a string whose text starts at `at`, if it has no escape
/// and no control character (which `serde_json` refuses): its text is then the string's value.
/// Eight bytes at a time, as `serde_json` looks for the end of a string.
fn plain_string(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(&chunk) = bytes.get(at..).and_then(|rest| rest.first_chunk::<8>()) {
        let word = u64::from_le_bytes(chunk);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // The high bit of each byte that is zero in `quote` or `backslash`, or below 0x20 in
        // `word`; a borrow can set it in a later byte too, but never in an earlier one.
        let stops = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | word.wrapping_sub(ONES * 0x20) & !word)
            & HIGH;
        if stops != 0 {
            at += (stops.trailing_zeros() / 8) as usize;
            return (bytes.get(at) == Some(&b'"')).then_some(at);
        }
        at += 8;
    }
    loop {
        match *bytes.get(at)? {
            b'"' => return Some(at),
            b'\\' | 0..=0x1f => return None,
            _ => at += 1,
        }
    }
}

/// A JSON integer of one to four digits at `at`, as `serde_json` reads it, and the place after
/// it; `None` for anything else (a leading zero, a fraction, an exponent, more digits).
fn small_integer(bytes: &[u8], at: usize) -> Option<(u16, usize)> {
    let mut value = 0_u16;
    let mut end = at;
    while let Some(&digit @ b'0'..=b'9') = bytes.get(end) {
        if end - at == 4 {
            return None;
        }
        value = value * 10 + u16::from(digit - b'0');
        end += 1;
    }
    let leading_zero = bytes.get(at) == Some(&b'0') && end > at + 1;
    if end == at || leading_zero || matches!(bytes.get(end), Some(b'.' | b'e' | b'E')) {
        return None;
    }
    Some((value, end))
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::problem::view::ProblemView;

    /// A question `from_received` may ask.
    #[derive(Debug, Clone, Copy)]
    enum Ask {
        Code,
        Status,
        Detail,
        /// The member as any JSON value.
        Value(&'static str),
        /// The member as a number.
        Number(&'static str),
        /// The member as an optional string.
        Text(&'static str),
    }

    #[derive(Debug, PartialEq)]
    enum Answer {
        Text(Option<String>),
        Status(Option<u16>),
        Value(Option<Value>),
        Number(Option<u64>),
        Optional(Option<String>),
        Unread,
    }

    const STATUS: StatusCode = StatusCode::BAD_GATEWAY;

    /// The answers the reader gives, if it vouches for them.
    fn pulled(body: &[u8], asks: &[Ask]) -> Option<Vec<Answer>> {
        let pull = Pull::new(STATUS, body);
        if !pull.opens() {
            return None;
        }
        let answers = asks
            .iter()
            .map(|ask| match *ask {
                Ask::Code => Answer::Text(pull.code().map(str::to_owned)),
                Ask::Status => Answer::Status(Some(pull.status())),
                Ask::Detail => Answer::Text(pull.detail().map(str::to_owned)),
                Ask::Value(name) => Answer::Value(pull.member(name)),
                Ask::Number(name) => Answer::Number(pull.member(name)),
                Ask::Text(name) => pull.member(name).map_or(Answer::Unread, Answer::Optional),
            })
            .collect();
        pull.finish().then_some(answers)
    }

    /// The answers of the view, the reference.
    fn viewed(body: &[u8], asks: &[Ask]) -> Option<Vec<Answer>> {
        let view = ProblemView::parse(body)?;
        let answers = asks
            .iter()
            .map(|ask| match *ask {
                Ask::Code => Answer::Text(view.code.as_deref().map(str::to_owned)),
                Ask::Status => Answer::Status(view.status.or(Some(STATUS.as_u16()))),
                Ask::Detail => Answer::Text(view.detail.as_deref().map(str::to_owned)),
                Ask::Value(name) => Answer::Value(view.member(name)),
                Ask::Number(name) => Answer::Number(view.member(name)),
                Ask::Text(name) => view.member(name).map_or(Answer::Unread, Answer::Optional),
            })
            .collect();
        Some(answers)
    }

    const ASKS: &[&[Ask]] = &[
        &[Ask::Code, Ask::Status, Ask::Number("id")],
        &[
            Ask::Code,
            Ask::Status,
            Ask::Value("limits"),
            Ask::Text("note"),
        ],
        &[Ask::Value("id"), Ask::Code, Ask::Detail],
        &[
            Ask::Detail,
            Ask::Value("id"),
            Ask::Value("limits"),
            Ask::Status,
            Ask::Code,
        ],
        &[
            Ask::Code,
            Ask::Number("id"),
            Ask::Number("id"),
            Ask::Text("title"),
        ],
        &[Ask::Text("note"), Ask::Detail, Ask::Text("note")],
        &[],
    ];

    /// Where the reader vouches for its answers, they are the view's; where the view reads no
    /// problem, the reader vouches for nothing.
    fn check(body: &[u8]) -> usize {
        let mut vouched = 0;
        for asks in ASKS {
            let pulled = pulled(body, asks);
            if pulled.is_some() {
                vouched += 1;
                assert_eq!(
                    pulled,
                    viewed(body, asks),
                    "{:?} {asks:?}",
                    String::from_utf8_lossy(body)
                );
            }
        }
        vouched
    }

    const SENT: [&str; 3] = [
        r#"{"title":"Not Found","status":404,"detail":"user 42 not found","code":"user_not_found","id":42}"#,
        r#"{"type":"/problems/rate","title":"Too Many Requests","status":429,"detail":"rate limit exceeded","code":"rate_limited","limits":{"per_minute":100,"per_hour":2000,"burst":20},"note":"slow down"}"#,
        r#"{"title":"Conflict","status":409,"detail":"the name \"a\" is taken","code":"name_taken"}"#,
    ];

    #[test]
    fn what_servers_send_is_read_in_one_pass_as_the_view_reads_it() {
        for body in SENT {
            assert_eq!(check(body.as_bytes()), ASKS.len(), "{body}");
        }
    }

    #[test]
    fn odd_bodies_are_read_as_the_view_reads_them_or_left_to_it() {
        let bodies = [
            // Members before the code, twice, standard members after extensions.
            r#"{"id":7,"code":"x","status":404,"id":8}"#,
            r#"{"code":"x","id":7,"code":"y","status":"404"}"#,
            r#"{"status":404,"status":4040,"code":"x","detail":"a","detail":"b"}"#,
            r#"{"code":"x","id":"7","id":7,"note":null,"note":"n"}"#,
            r#"{"limits":[1,{"a":[]}],"code":"x","limits":{"b":"\u00e9"}}"#,
            // Escapes, in names and values.
            r#"{"co\u0064e":"x","id":1}"#,
            r#"{"code":"\u0078","detail":"\"q\"\n","id":"\ud83d\ude00"}"#,
            r#"{"code":"x","detail":"\ud800","id":1}"#,
            r#"{"code":"x","title":"\ud800","id":1}"#,
            r#"{"code":"x","detail":{"\ud800":1},"id":1}"#,
            r#"{"code":"x","detail":["\ud800"],"id":1}"#,
            // Whitespace everywhere.
            " \t\n{ \"code\" : \"x\" ,\r\n \"id\" :\t7 , \"status\" : 404 } \n",
            // Numbers.
            r#"{"status":0,"code":"x","id":18446744073709551615}"#,
            r#"{"status":01,"code":"x"}"#,
            r#"{"status":-1,"code":"x","id":-1}"#,
            r#"{"status":404.0,"code":"x","id":1e2}"#,
            r#"{"status":4e2,"code":"x","id":1.5}"#,
            r#"{"status":65535,"code":"x","id":1e400}"#,
            r#"{"status":65536,"code":"x","id":18446744073709551616}"#,
            r#"{"status":99999999999999999999999,"code":"x"}"#,
            r#"{"status":true,"code":5,"detail":null,"id":false}"#,
            r#"{"status":404x,"code":"x"}"#,
            r#"{"code":"x","id":7x}"#,
            r#"{"code":"x","id":7"#,
            // Not objects, or not only one.
            "{}",
            " {} ",
            "{} {}",
            "{},",
            "[]",
            "",
            "{",
            r#"{"code":"x",}"#,
            r#"{,"code":"x"}"#,
            r#"{"code":"x" "id":1}"#,
            r#"{"code""x"}"#,
            r#"{"code":}"#,
            r#"{"code":"x"}}"#,
            r#"{"code":"x","id":{"a":1,}}"#,
            r#"{"code":"x","id":[1,]}"#,
            "{\"code\":\"x\u{1}\"}",
            "{\"code\":\"x\",\"id\":\"\u{1}\"}",
            "{\"c\u{1}\":1}",
            "\u{feff}{\"code\":\"x\"}",
        ];
        for body in bodies {
            check(body.as_bytes());
        }
        // A value a `serde_json::Value` cannot hold.
        let deep = format!(
            r#"{{"code":"x","id":{}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        check(deep.as_bytes());
        let depth = format!(
            r#"{{"code":"x","id":{}{}}}"#,
            "[".repeat(127),
            "]".repeat(127)
        );
        check(depth.as_bytes());
        for not_utf8 in [
            &b"{\"code\":\"\xff\"}"[..],
            b"{\"title\":\"\xa0\"}",
            b"{\"\xa0\":1}",
        ] {
            assert_eq!(check(not_utf8), 0);
        }
    }

    #[test]
    fn what_a_client_receives_can_cross_threads() {
        fn shared<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        shared::<crate::Received<'static>>();
    }

    #[test]
    fn a_plain_string_ends_where_a_byte_at_a_time_says() {
        fn byte_at_a_time(bytes: &[u8], mut at: usize) -> Option<usize> {
            loop {
                match *bytes.get(at)? {
                    b'"' => return Some(at),
                    b'\\' | 0..=0x1f => return None,
                    _ => at += 1,
                }
            }
        }
        // Texts of up to 20 bytes, mostly plain, with any of these among them, at each start.
        let stops = [
            b'"', b'\\', 0, 0x1f, b' ', 0x7f, 0x80, 0xff, 0x21, 0x5b, 0x5d,
        ];
        let mut text = Vec::new();
        let mut n = 1_u64;
        for len in 0..=20 {
            for _ in 0..2000 {
                text.clear();
                for _ in 0..len {
                    n = n
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    let pick = usize::try_from(n >> 59).unwrap_or(0);
                    text.push(stops.get(pick).copied().unwrap_or(b'a'));
                }
                for at in 0..=text.len() {
                    assert_eq!(
                        plain_string(&text, at),
                        byte_at_a_time(&text, at),
                        "{text:?} {at}"
                    );
                }
            }
        }
    }

    /// Every prefix of what servers send, and every byte of it changed to one that matters to
    /// JSON.
    #[test]
    fn every_cut_and_changed_byte_is_read_as_the_view_reads_it_or_left_to_it() {
        let bytes = [
            b'"', b'\\', b',', b':', b'{', b'}', b'[', b']', b' ', b'0', b'9', b'-', b'.', b'e',
            b'x', b'n', 1, 0x7f, 0xc3, 0xff,
        ];
        for body in SENT {
            let body = body.as_bytes();
            for end in 0..body.len() {
                check(&body[..end]);
            }
            let mut changed = body.to_vec();
            for at in 0..body.len() {
                for byte in bytes {
                    changed[at] = byte;
                    check(&changed);
                }
                changed[at] = body[at];
            }
        }
    }
}
