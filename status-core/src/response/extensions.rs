//! [`Extensions`]: where a value's extension members go, a [`Problem`] being built or a body
//! being written.

use serde::Serialize;

use crate::problem::STANDARD_MEMBERS;
use crate::response::json::{write_json_string, write_value};
use crate::Problem;

/// Where a value's extension members go: a [`Problem`] being built, or a body being written.
///
/// ```
/// use status_core::{Extensions, Problem};
///
/// let mut problem = Problem::new(http::StatusCode::TOO_MANY_REQUESTS);
/// Extensions::new(&mut problem).insert("limit", &100);
/// assert_eq!(problem.extensions()["limit"], 100);
/// ```
pub struct Extensions<'a> {
    pub(crate) target: Target<'a>,
}

pub(crate) enum Target<'a> {
    Problem(&'a mut Problem),
    Body(&'a mut Vec<u8>),
}

impl<'a> Extensions<'a> {
    /// Extensions that go into `problem`.
    ///
    /// ```
    /// let mut problem = status_core::Problem::default();
    /// let mut extensions = status_core::Extensions::new(&mut problem);
    /// extensions.insert("errors", &["email is taken"]);
    /// assert_eq!(problem.extensions()["errors"][0], "email is taken");
    /// ```
    pub fn new(problem: &'a mut Problem) -> Self {
        Extensions {
            target: Target::Problem(problem),
        }
    }

    /// Adds the member `name` with `value` serialized.
    ///
    /// A standard member's name is refused, and a value that does not serialize (a map with
    /// non-string keys, say) is left out: the response is still served, without that member.
    ///
    /// ```
    /// let mut problem = status_core::Problem::default();
    /// let mut extensions = status_core::Extensions::new(&mut problem);
    /// extensions.insert("status", &"ignored");
    /// extensions.insert("balance", &30);
    /// assert_eq!(problem.extensions().len(), 1);
    /// ```
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        if STANDARD_MEMBERS.contains(&name) {
            return;
        }
        match &mut self.target {
            Target::Problem(problem) => insert_value(problem, name, value),
            Target::Body(out) => {
                let rollback = out.len();
                out.push(b',');
                write_json_string(out, name);
                out.push(b':');
                write_value(out, rollback, value);
            }
        }
    }

    /// `insert`, for the derive: `member` is `,"name":` spelled at compile time, one copy
    /// where `insert` escapes the name, and the name is not a standard member's.
    pub(crate) fn insert_derived<T: Serialize + ?Sized>(
        &mut self,
        name: &str,
        member: &str,
        value: &T,
    ) {
        match &mut self.target {
            Target::Problem(problem) => insert_value(problem, name, value),
            Target::Body(out) => {
                let rollback = out.len();
                out.extend_from_slice(member.as_bytes());
                write_value(out, rollback, value);
            }
        }
    }
}

fn insert_value<T: Serialize + ?Sized>(problem: &mut Problem, name: &str, value: &T) {
    if let Ok(value) = serde_json::to_value(value) {
        problem.insert_extension(name, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_extension_that_fails_to_serialize_leaves_no_trace() {
        let mut out = b"{\"status\":500".to_vec();
        let bad: std::collections::HashMap<(u8, u8), u8> = [((1, 2), 3)].into();
        Extensions {
            target: Target::Body(&mut out),
        }
        .insert("bad", &bad);
        Extensions {
            target: Target::Body(&mut out),
        }
        .insert("good", &1);
        out.push(b'}');
        assert_eq!(out, b"{\"status\":500,\"good\":1}");
    }

    /// The member `"v": value` as the body writes it, and as `problem()` serializes it.
    fn body_and_problem<T: Serialize + ?Sized>(value: &T) -> (String, String) {
        let mut out = b"{".to_vec();
        Extensions {
            target: Target::Body(&mut out),
        }
        .insert("v", value);
        out.push(b'}');
        if out[1] == b',' {
            out.remove(1); // the comma before the first member
        }
        let mut problem = Problem::default();
        Extensions::new(&mut problem).insert("v", value);
        (
            String::from_utf8(out).unwrap(),
            String::from_utf8(problem.to_json()).unwrap(),
        )
    }

    // Found by `cargo fuzz run body`: the body wrote an f32 as f32 (`1.4e-44`), `problem()`
    // as the f64 a `Value` holds (`1.401298464324817e-44`).
    #[test]
    fn an_f32_extension_is_written_as_problem_holds_it() {
        for value in [0.1_f32, 1.4e-44, -3.5, f32::MAX, f32::NAN] {
            let (body, problem) = body_and_problem(&value);
            assert_eq!(body, problem, "{value}");
        }
        let (body, _) = body_and_problem(&0.1_f32);
        assert_eq!(body, r#"{"v":0.10000000149011612}"#);
        // An f32 map key keeps its own spelling in both.
        let keys = std::collections::BTreeMap::from([(1, 0.5_f32)]);
        let (body, problem) = body_and_problem(&[(keys, [0.1_f32])]);
        assert_eq!(body, problem);
    }

    // Found by `cargo fuzz run body`: the body wrote a u128 or i128 beyond 64 bits, which
    // `problem()` leaves out (a `serde_json::Value` cannot hold it).
    #[test]
    fn an_integer_beyond_64_bits_is_left_out_as_problem_leaves_it() {
        assert_eq!(body_and_problem(&u128::MAX), ("{}".into(), "{}".into()));
        assert_eq!(body_and_problem(&i128::MIN), ("{}".into(), "{}".into()));
        assert_eq!(
            body_and_problem(&[1_u128, u128::MAX]),
            ("{}".into(), "{}".into())
        );
        let fits = (u128::from(u64::MAX), i128::from(i64::MIN));
        let (body, problem) = body_and_problem(&fits);
        assert_eq!(body, problem);
        assert_eq!(body, format!(r#"{{"v":[{},{}]}}"#, u64::MAX, i64::MIN));
        // As a map key, any 128-bit integer is text, in both.
        let keys = std::collections::BTreeMap::from([(u128::MAX, 1), (0, 2)]);
        let (body, problem) = body_and_problem(&keys);
        assert_eq!(body, problem);
    }
}
