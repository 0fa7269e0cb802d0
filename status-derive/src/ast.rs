//! The input as the macro sees it: the type, its variants and fields, with attributes parsed.

use syn::{Attribute, Data, DeriveInput, Fields, Generics, Ident, LitStr, Member, Type};

use crate::attr::{self, Attrs, FieldAttrs, Level};
use crate::ctxt::Ctxt;
use crate::template::Template;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub is_enum: bool,
    /// Type-level keys: the default status, `crate`, `display`.
    pub attrs: Attrs,
    /// The enum's variants; a struct is one variant named after the type.
    pub variants: Vec<Variant<'a>>,
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// The variant's keys; a struct's are its type-level ones.
    pub attrs: Attrs,
    pub fields: Vec<Field<'a>>,
    /// The first paragraph of the doc comment.
    pub doc: Option<String>,
    /// The variant's attributes, for thiserror's `#[error("...")]`: read only for variants
    /// that take `display`, which it documents.
    pub syn_attrs: &'a [Attribute],
    /// The parsed `message`, if it parsed.
    pub template: Option<Template>,
    /// `status`, read once: the derive asks it of each variant a dozen times, and each read
    /// of the literal's text is a call into the compiler.
    status: std::cell::OnceCell<Option<u16>>,
    /// `code`, made once.
    code: std::cell::OnceCell<String>,
}

pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    /// thiserror's source: `#[from]`, `#[source]`, or a field named `source`.
    pub is_source: bool,
}

/// Where a client finds a field again, in the response the server sent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FieldSource {
    /// The extension member of this name.
    Member,
    RetryAfter,
    Allow,
    WwwAuthenticate,
    /// The text of the message's placeholder at this index, among the template's
    /// placeholders.
    Detail(usize),
}

impl<'a> Input<'a> {
    /// Reads `input`; what cannot be read is reported to `cx`. A union is refused here, and
    /// read as a type without variants, for the impl emitted beside the error.
    pub fn from_syn(cx: &mut Ctxt, input: &'a DeriveInput) -> Self {
        match &input.data {
            Data::Enum(data) => {
                let attrs = attr::parse_attrs(cx, &input.attrs, Level::Enum);
                let variants = data
                    .variants
                    .iter()
                    .map(|v| Variant::from_syn(cx, &v.ident, &v.attrs, &v.fields, Level::Variant))
                    .collect();
                Input {
                    ident: &input.ident,
                    generics: &input.generics,
                    is_enum: true,
                    attrs,
                    variants,
                }
            }
            Data::Struct(data) => {
                let variant =
                    Variant::from_syn(cx, &input.ident, &input.attrs, &data.fields, Level::Struct);
                Input {
                    ident: &input.ident,
                    generics: &input.generics,
                    is_enum: false,
                    attrs: variant.attrs.clone(),
                    variants: vec![variant],
                }
            }
            Data::Union(data) => {
                cx.error_spanned(
                    &data.union_token,
                    "#[derive(ApiStatus)] does not support unions: which field is set is not known; use an enum",
                );
                // Only `crate = "..."` matters, to name status-core in the impl; the other
                // keys of a union are moot, and not reported.
                let attrs = attr::parse_attrs(&mut Ctxt::default(), &input.attrs, Level::Struct);
                Input {
                    ident: &input.ident,
                    generics: &input.generics,
                    is_enum: false,
                    attrs: Attrs {
                        krate: attrs.krate,
                        ..Attrs::default()
                    },
                    variants: Vec::new(),
                }
            }
        }
    }
}

impl<'a> Variant<'a> {
    fn from_syn(
        cx: &mut Ctxt,
        ident: &'a Ident,
        attrs: &'a [Attribute],
        fields: &'a Fields,
        level: Level,
    ) -> Self {
        let parsed = attr::parse_attrs(cx, attrs, level);
        let template = parsed
            .message
            .as_ref()
            .and_then(|lit| match Template::parse(lit) {
                Ok(template) => Some(template),
                Err(err) => {
                    cx.push(err);
                    None
                }
            });
        let fields = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field {
                member: match &field.ident {
                    Some(ident) => Member::Named(ident.clone()),
                    None => Member::Unnamed(index.into()),
                },
                ty: &field.ty,
                attrs: attr::parse_field_attrs(cx, &field.attrs),
                is_source: field.ident.as_ref().is_some_and(|ident| ident == "source")
                    || field
                        .attrs
                        .iter()
                        .any(|a| a.path().is_ident("from") || a.path().is_ident("source")),
            })
            .collect();
        Variant {
            ident,
            attrs: parsed,
            fields,
            doc: doc_paragraph(attrs),
            syn_attrs: attrs,
            template,
            status: std::cell::OnceCell::new(),
            code: std::cell::OnceCell::new(),
        }
    }
}

/// The first paragraph of the doc comment, its lines joined by spaces.
fn doc_paragraph(attrs: &[Attribute]) -> Option<String> {
    let mut lines = Vec::new();
    for attr in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        let syn::Meta::NameValue(nv) = &attr.meta else {
            continue;
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = &nv.value
        else {
            continue;
        };
        let text = text.value();
        // A bare `///` arrives as an empty attribute, which `lines()` would skip entirely.
        let lines_of_attr: Vec<&str> = if text.trim().is_empty() {
            vec![""]
        } else {
            text.lines().collect()
        };
        for line in lines_of_attr {
            let line = line.trim();
            if line.is_empty() {
                if !lines.is_empty() {
                    return Some(lines.join(" "));
                }
            } else {
                lines.push(line.to_owned());
            }
        }
    }
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// The literal of thiserror's `#[error("...")]`, when it is a plain literal.
fn error_message(attrs: &[Attribute]) -> Option<LitStr> {
    let attr = attrs.iter().find(|a| a.path().is_ident("error"))?;
    let syn::Meta::List(list) = &attr.meta else {
        return None;
    };
    syn::parse2::<LitStr>(list.tokens.clone()).ok()
}

/// The problem type RFC 9457 assumes when a body has none; a variant of this type is sent
/// without a `type` member.
pub const ABOUT_BLANK: &str = "about:blank";

/// Where a variant's problem type URI comes from.
pub enum ProblemType<'a> {
    /// `type = "..."` on the variant (or the struct).
    Own(&'a LitStr),
    /// `type_base = "..."` on the enum (or the struct), followed by the variant's code.
    Base(&'a LitStr),
}

/// Where the detail of an occurrence comes from.
pub enum DetailSource<'t> {
    /// The same text every time, kept in the table.
    Static,
    /// The `message` template, with fields.
    Template(&'t Template),
    /// The type's `Display` impl.
    Display,
}

impl Input<'_> {
    /// The code a 4xx variant takes from its name: without the `strip_suffix` (unless that
    /// is the whole name), in the `rename_all` style (snake case by default).
    pub fn code_of_name(&self, name: &str) -> String {
        let suffix = self.attrs.strip_suffix.as_ref().map(LitStr::value);
        let name = match suffix.as_deref() {
            Some(suffix) if !suffix.is_empty() && name != suffix => {
                name.strip_suffix(suffix).unwrap_or(name)
            }
            _ => name,
        };
        let style = self
            .attrs
            .rename_all
            .as_ref()
            .and_then(|lit| RenameStyle::from_name(&lit.value()))
            .unwrap_or(RenameStyle::Snake);
        style.apply(name)
    }

    /// The path to `status-core`: `crate = "..."` or `::status_core`.
    pub fn krate(&self) -> syn::Path {
        self.attrs
            .krate
            .as_ref()
            .and_then(|lit| lit.parse().ok())
            .unwrap_or_else(|| syn::parse_quote!(::status_core))
    }
}

impl Variant<'_> {
    /// The status literal that applies: the variant's own, else the enum's default.
    pub fn status_lit<'s>(&'s self, input: &'s Input) -> Option<&'s syn::LitInt> {
        self.attrs.status.as_ref().or(input.attrs.status.as_ref())
    }

    /// The status code, as the literal reads in decimal; `valid` refuses it in other forms.
    pub fn status(&self, input: &Input) -> Option<u16> {
        *self
            .status
            .get_or_init(|| self.status_lit(input)?.to_string().parse().ok())
    }

    pub fn is_transparent(&self) -> bool {
        self.attrs.transparent.is_some()
    }

    /// The `#[status(forward)]` field, whose status the variant answers with (the first, if
    /// `valid` has refused a second).
    pub fn forward_field(&self) -> Option<&Field<'_>> {
        self.fields.iter().find(|f| f.attrs.forward.is_some())
    }

    /// The field the variant answers as, and so has no row of its own: the only field of a
    /// `transparent` variant, or the `forward` one.
    pub fn inner(&self) -> Option<&Field<'_>> {
        if self.is_transparent() {
            self.fields.first()
        } else {
            self.forward_field()
        }
    }

    /// Whether the variant answers as one of its fields (`transparent` or `forward`), and so
    /// has no row, status or code of its own.
    pub fn answers_as_field(&self) -> bool {
        self.is_transparent() || self.forward_field().is_some()
    }

    /// Where the detail of a `forward` variant comes from when the forwarded status is a 4xx
    /// (or the variant says `expose`): its `message` (even one without fields, since the row
    /// is the field's), or `Display` (its own `display`, or the enum's); `None` leaves the
    /// detail to the field.
    pub fn forward_detail(&self, input: &Input) -> Option<DetailSource<'_>> {
        if let Some(template) = &self.template {
            return Some(DetailSource::Template(template));
        }
        let enum_display = input.attrs.display.is_some() && input.is_enum;
        (self.attrs.display.is_some() || enum_display).then_some(DetailSource::Display)
    }

    /// Whether the detail may show fields: on 4xx always, on 5xx only with `expose`.
    pub fn may_show_fields(&self, input: &Input) -> bool {
        self.status(input).is_some_and(|s| s < 500) || self.attrs.expose.is_some()
    }

    pub fn detail_source(&self, input: &Input) -> DetailSource<'_> {
        if let Some(template) = &self.template {
            return if template.has_fields() {
                DetailSource::Template(template)
            } else {
                DetailSource::Static
            };
        }
        let enum_display =
            input.attrs.display.is_some() && input.is_enum && self.may_show_fields(input);
        if self.attrs.display.is_some() || enum_display {
            DetailSource::Display
        } else {
            DetailSource::Static
        }
    }

    /// The machine-readable code: `code = "..."`; else, on a 4xx, the name in snake case,
    /// and on a 5xx the status's own (`internal_server_error`), since a 5xx variant's name
    /// tells of the server's inner parts (`Database`), which clients have no business with.
    pub fn code(&self, input: &Input) -> String {
        self.code
            .get_or_init(|| {
                if let Some(code) = &self.attrs.code {
                    return code.value();
                }
                match self.status(input) {
                    Some(status @ 500..) => server_error_code(status).to_owned(),
                    _ => input.code_of_name(&self.ident.to_string()),
                }
            })
            .clone()
    }

    /// Whether the code is the one the status gives every 5xx variant without its own.
    pub fn takes_status_code(&self, input: &Input) -> bool {
        self.attrs.code.is_none() && self.status(input).is_some_and(|s| s >= 500)
    }

    /// Where the problem type comes from: the variant's own `type`, else the `type_base`;
    /// `None` when neither is written, which means `about:blank`.
    pub fn problem_type<'s>(&'s self, input: &'s Input) -> Option<ProblemType<'s>> {
        match (&self.attrs.type_uri, &input.attrs.type_base) {
            (Some(own), _) => Some(ProblemType::Own(own)),
            (None, Some(base)) => Some(ProblemType::Base(base)),
            (None, None) => None,
        }
    }

    /// The problem type URI the body carries; `None` for `about:blank`, which it leaves out.
    pub fn type_uri(&self, input: &Input) -> Option<String> {
        let uri = match self.problem_type(input)? {
            ProblemType::Own(lit) => lit.value(),
            ProblemType::Base(base) => base.value() + &self.code(input),
        };
        (uri != ABOUT_BLANK).then_some(uri)
    }

    /// The description every output publishes; `None` leaves it to the registry's text.
    ///
    /// `description = "..."` is written for the public. A doc comment is written for
    /// developers, and is published only on a 4xx of a type without `private_docs`: on a 5xx
    /// it may tell of the server's inner parts.
    pub fn description(&self, input: &Input) -> Option<String> {
        if let Some(description) = &self.attrs.description {
            return Some(description.value());
        }
        self.doc.clone().filter(|_| self.publishes_doc(input))
    }

    /// Whether the doc comment, if any, is published as the description.
    pub fn publishes_doc(&self, input: &Input) -> bool {
        input.attrs.private_docs.is_none() && self.status(input).is_some_and(|s| s < 500)
    }

    /// The message as documentation shows it.
    pub fn doc_message(&self, input: &Input) -> Option<String> {
        match self.detail_source(input) {
            DetailSource::Display => error_message(self.syn_attrs)
                .and_then(|lit| Template::parse(&lit).ok())
                .map(|t| t.doc_text()),
            _ => self.template.as_ref().map(Template::doc_text),
        }
    }

    /// The template the detail is written from, when a client can split the detail at its
    /// literal text: the `message`, or thiserror's `#[error("...")]` for a variant that takes
    /// `display` (when it is a plain literal).
    pub fn detail_template(&self, input: &Input) -> Option<Template> {
        let lit = match self.detail_source(input) {
            DetailSource::Template(template) => template.lit.clone(),
            DetailSource::Display => error_message(self.syn_attrs)?,
            DetailSource::Static => return None,
        };
        Template::parse(&lit)
            .ok()
            .filter(|template| template.literals().is_some())
    }

    pub fn retry_after_field(&self) -> Option<&Field<'_>> {
        self.fields.iter().find(|f| f.attrs.retry_after.is_some())
    }

    pub fn allow_field(&self) -> Option<&Field<'_>> {
        self.fields.iter().find(|f| f.attrs.allow.is_some())
    }

    pub fn www_authenticate_field(&self) -> Option<&Field<'_>> {
        self.fields
            .iter()
            .find(|f| f.attrs.www_authenticate.is_some())
    }

    /// Where a client finds each field again, or `None` when some field stays on the
    /// server, so that the variant cannot be rebuilt: a source (its text is the inner error's,
    /// which a client must never invent), a field a 5xx does not show, a field the detail
    /// shows through `Display` or a format spec.
    pub fn field_sources(&self, input: &Input) -> Option<Vec<FieldSource>> {
        let template = self.detail_template(input);
        let placeholder = |field: &Field| {
            let name = member_name(&field.member);
            template
                .as_ref()?
                .fields()
                .position(|(wanted, _)| wanted.to_string() == name)
        };
        self.fields
            .iter()
            .map(|field| {
                if field.attrs.extension.is_some() {
                    Some(FieldSource::Member)
                } else if field.is_source {
                    None
                } else if field.attrs.retry_after.is_some() {
                    Some(FieldSource::RetryAfter)
                } else if field.attrs.allow.is_some() {
                    Some(FieldSource::Allow)
                } else if field.attrs.www_authenticate.is_some() {
                    Some(FieldSource::WwwAuthenticate)
                } else {
                    placeholder(field).map(FieldSource::Detail)
                }
            })
            .collect()
    }
}

impl Field<'_> {
    /// The extension member's name: `extension = "..."`, else the field's name.
    pub fn extension_name(&self) -> Option<String> {
        let extension = self.attrs.extension.as_ref()?;
        match (&extension.name, &self.member) {
            (Some(name), _) => Some(name.value()),
            (None, Member::Named(ident)) => {
                Some(ident.to_string().trim_start_matches("r#").to_owned())
            }
            (None, Member::Unnamed(_)) => None,
        }
    }
}

/// The code of a 5xx variant without one of its own: the registry's for its status, else
/// `server_error`.
pub fn server_error_code(status: u16) -> &'static str {
    crate::catalog::with_meaning(status).map_or("server_error", |entry| entry.code)
}

/// A field's name as a message names it: `id` (a raw identifier without its `r#`), or `0`.
pub fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => ident.to_string().trim_start_matches("r#").to_owned(),
        Member::Unnamed(index) => index.index.to_string(),
    }
}

/// A `rename_all` style: serde's eight, as serde spells them. Each spells the words of the
/// name as `snake_case` splits them (`HTTPError` is `http` and `error`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RenameStyle {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameStyle {
    /// Every style, by its name.
    pub const ALL: [(&'static str, RenameStyle); 8] = [
        ("lowercase", RenameStyle::Lower),
        ("UPPERCASE", RenameStyle::Upper),
        ("PascalCase", RenameStyle::Pascal),
        ("camelCase", RenameStyle::Camel),
        ("snake_case", RenameStyle::Snake),
        ("SCREAMING_SNAKE_CASE", RenameStyle::ScreamingSnake),
        ("kebab-case", RenameStyle::Kebab),
        ("SCREAMING-KEBAB-CASE", RenameStyle::ScreamingKebab),
    ];

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, style)| *style)
    }

    /// `name` (a variant's, in Rust's `PascalCase`) in this style.
    pub fn apply(self, name: &str) -> String {
        let snake = snake_case(name);
        let words = snake.split('_').filter(|w| !w.is_empty());
        let capitalized = |word: &str| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        };
        match self {
            RenameStyle::Snake => snake,
            RenameStyle::Lower => words.collect(),
            RenameStyle::Upper => words.map(str::to_uppercase).collect(),
            RenameStyle::Pascal => words.map(capitalized).collect(),
            RenameStyle::Camel => words
                .enumerate()
                .map(|(i, w)| if i == 0 { w.to_owned() } else { capitalized(w) })
                .collect(),
            RenameStyle::ScreamingSnake => snake.to_uppercase(),
            RenameStyle::Kebab => words.collect::<Vec<_>>().join("-"),
            RenameStyle::ScreamingKebab => snake.to_uppercase().replace('_', "-"),
        }
    }
}

/// `UserNotFound` -> `user_not_found`, `HTTPError` -> `http_error`.
pub fn snake_case(name: &str) -> String {
    let mut out = String::new();
    let mut prev: Option<char> = None;
    let mut chars = name.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_uppercase() {
            let word_starts = match prev {
                // The last capital of an acronym starts the next word: `HTTPError`.
                Some(p) if p.is_uppercase() => chars.peek().is_some_and(|n| n.is_lowercase()),
                Some(p) => p.is_lowercase() || p.is_ascii_digit(),
                None => false,
            };
            if word_starts {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{snake_case, RenameStyle};

    #[test]
    fn each_rename_style_spells_the_words_of_the_name() {
        let spelled = |name: &str| -> Vec<String> {
            RenameStyle::ALL
                .iter()
                .map(|(_, style)| style.apply(name))
                .collect()
        };
        assert_eq!(
            spelled("UploadForbidden"),
            [
                "uploadforbidden",
                "UPLOADFORBIDDEN",
                "UploadForbidden",
                "uploadForbidden",
                "upload_forbidden",
                "UPLOAD_FORBIDDEN",
                "upload-forbidden",
                "UPLOAD-FORBIDDEN",
            ]
        );
        // An acronym is one word, as in the default codes.
        assert_eq!(
            spelled("HTTPError"),
            [
                "httperror",
                "HTTPERROR",
                "HttpError",
                "httpError",
                "http_error",
                "HTTP_ERROR",
                "http-error",
                "HTTP-ERROR",
            ]
        );
        assert_eq!(RenameStyle::Kebab.apply("Oauth2Failed"), "oauth2-failed");
        assert_eq!(RenameStyle::from_name("kebab_case"), None);
    }

    #[test]
    fn snake_case_handles_acronyms_and_digits() {
        assert_eq!(snake_case("UserNotFound"), "user_not_found");
        assert_eq!(snake_case("HTTPError"), "http_error");
        assert_eq!(snake_case("Oauth2Failed"), "oauth2_failed");
        assert_eq!(snake_case("Db"), "db");
        assert_eq!(snake_case("IOError"), "io_error");
        assert_eq!(snake_case("Http2Error"), "http2_error");
        assert_eq!(snake_case("Not_Found"), "not_found");
        assert_eq!(snake_case("ABC"), "abc");
    }
}
