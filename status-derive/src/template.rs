//! The `message = "..."` mini-language: `{field}`, `{0}` and format specs, as in thiserror.

use proc_macro2::TokenStream;
use quote::quote;
use syn::LitStr;

pub struct Template {
    pub lit: LitStr,
    pub pieces: Vec<Piece>,
}

pub enum Piece {
    Text(String),
    Field { field: FieldRef, spec: String },
}

#[derive(Clone, PartialEq, Eq)]
pub enum FieldRef {
    Named(String),
    Index(usize),
}

impl std::fmt::Display for FieldRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FieldRef::Named(name) => f.write_str(name),
            FieldRef::Index(index) => write!(f, "{index}"),
        }
    }
}

impl Template {
    /// Reads the template, rejecting what `format!` would reject for it.
    pub fn parse(lit: &LitStr) -> syn::Result<Self> {
        let text = lit.value();
        let error = |message: String| syn::Error::new(lit.span(), message);
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|p| p.1) == Some('{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().map(|p| p.1) == Some('}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => {
                    return Err(error(format!(
                    "unmatched `}}` at byte {at} of the message; write `}}}}` for a literal brace"
                )))
                }
                '{' => {
                    let mut inner = String::new();
                    let mut closed = false;
                    for (_, c) in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        inner.push(c);
                    }
                    if !closed {
                        return Err(error(format!(
                            "unclosed `{{` at byte {at} of the message; close it with `}}`, or write `{{{{` for a literal brace"
                        )));
                    }
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    pieces.push(parse_placeholder(&inner).map_err(error)?);
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        Ok(Template {
            lit: lit.clone(),
            pieces,
        })
    }

    pub fn fields(&self) -> impl Iterator<Item = (&FieldRef, &str)> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Field { field, spec } => Some((field, spec.as_str())),
            Piece::Text(_) => None,
        })
    }

    pub fn has_fields(&self) -> bool {
        self.fields().next().is_some()
    }

    /// The literal text before the first placeholder, between each two, and after the last,
    /// when a client can split a detail at it: every placeholder without a format spec (which
    /// would not parse back), and text between any two (`{a}{b}` splits anywhere).
    pub fn literals(&self) -> Option<Vec<String>> {
        let mut literals = vec![String::new()];
        for piece in &self.pieces {
            match piece {
                Piece::Text(text) => literals.last_mut()?.push_str(text),
                Piece::Field { spec, .. } => {
                    let between = literals.len() > 1;
                    if !spec.is_empty() || (between && literals.last()?.is_empty()) {
                        return None;
                    }
                    literals.push(String::new());
                }
            }
        }
        Some(literals)
    }

    /// The template as documentation shows it: `{field}` placeholders, no format specs.
    pub fn doc_text(&self) -> String {
        self.pieces
            .iter()
            .map(|piece| match piece {
                Piece::Text(text) => text.clone(),
                Piece::Field { field, .. } => format!("{{{field}}}"),
            })
            .collect()
    }

    /// One write into `__out` per piece: literal text as it is, a field that is a string
    /// as it is (which its type decides, through `MessageField`, at compile time), anything
    /// else through `format_args!`, which costs more. `field` gives a placeholder's binding.
    pub fn writes(
        &self,
        p: &TokenStream,
        field: impl Fn(&FieldRef) -> Option<TokenStream>,
    ) -> Vec<TokenStream> {
        self.pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Text(text) => Some(quote!(#p::FmtWrite::write_str(__out, #text))),
                Piece::Field { field: wanted, spec } => {
                    let binding = field(wanted)?;
                    let format = format!("{{:{spec}}}");
                    let formatted =
                        quote!(#p::FmtWrite::write_fmt(__out, ::core::format_args!(#format, #binding)));
                    Some(if spec.is_empty() {
                        quote! {
                            if let ::core::option::Option::Some(__text) = #p::MessageField(#binding).as_plain_str() {
                                #p::FmtWrite::write_str(__out, __text)
                            } else {
                                #formatted
                            }
                        }
                    } else {
                        formatted
                    })
                }
            })
            .collect()
    }
}

fn parse_placeholder(inner: &str) -> Result<Piece, String> {
    let (name, spec) = match inner.split_once(':') {
        Some((name, spec)) => (name.trim(), spec),
        None => (inner.trim(), ""),
    };
    if spec.contains('$') || spec.contains('*') {
        return Err(format!(
            "`{{{inner}}}`: width and precision must be literal numbers in a message, like `{{{name}:>8}}`"
        ));
    }
    let field = if name.is_empty() {
        return Err(format!(
            "`{{{inner}}}` names no field; write the field, like `{{id}}` or `{{0}}`"
        ));
    } else if let Ok(index) = name.parse::<usize>() {
        FieldRef::Index(index)
    } else if name.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_')
    {
        FieldRef::Named(name.trim_start_matches("r#").to_owned())
    } else {
        return Err(format!(
            "`{{{inner}}}` is not a field name; write a field, like `{{id}}` or `{{0}}`"
        ));
    };
    Ok(Piece::Field {
        field,
        spec: spec.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Template {
        match Template::parse(&LitStr::new(text, proc_macro2::Span::call_site())) {
            Ok(template) => template,
            Err(err) => panic!("{text:?} was rejected: {err}"),
        }
    }

    fn reject(text: &str) -> String {
        match Template::parse(&LitStr::new(text, proc_macro2::Span::call_site())) {
            Ok(_) => panic!("{text:?} was accepted"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn fields_specs_and_escaped_braces() {
        let template = parse("user {id} has {{{count:>4}}} {0:?}");
        let fields: Vec<String> = template.fields().map(|(f, s)| format!("{f}/{s}")).collect();
        assert_eq!(fields, ["id/", "count/>4", "0/?"]);
        let fields: Vec<String> = parse("{_id} {x_1}")
            .fields()
            .map(|(f, _)| f.to_string())
            .collect();
        assert_eq!(fields, ["_id", "x_1"]);
        assert_eq!(template.doc_text(), "user {id} has {{count}} {0}");
    }

    #[test]
    fn literals_split_a_template_between_its_placeholders() {
        assert_eq!(
            parse("user {id} not found").literals(),
            Some(vec!["user ".to_owned(), " not found".to_owned()])
        );
        assert_eq!(
            parse("{a}, {b}").literals(),
            Some(vec![String::new(), ", ".to_owned(), String::new()])
        );
        assert_eq!(
            parse("{{{a}}}").literals(),
            Some(vec!["{".to_owned(), "}".to_owned()])
        );
        assert_eq!(
            parse("no fields").literals(),
            Some(vec!["no fields".to_owned()])
        );
        assert_eq!(parse("{a}{b}").literals(), None);
        assert_eq!(parse("{a:?} at {b}").literals(), None);
        assert_eq!(parse("{a:>4}").literals(), None);
    }

    #[test]
    fn unbalanced_braces_are_rejected() {
        assert!(reject("user {id").contains("unclosed `{`"));
        assert!(reject("user id}").contains("unmatched `}`"));
    }

    #[test]
    fn empty_and_computed_placeholders_are_rejected() {
        assert!(reject("user {}").contains("names no field"));
        assert!(reject("{id:>width$}").contains("width and precision"));
        assert!(reject("{a.b}").contains("not a field name"));
    }
}
