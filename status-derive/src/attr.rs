//! Parsing `#[status(...)]` into plain data. Only the syntax is judged here; `valid.rs` owns
//! every rule about what the data may say.

use proc_macro2::TokenStream;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Token};

use crate::ctxt::Ctxt;

/// Where an attribute stands; each place accepts its own keys.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Enum,
    Struct,
    Variant,
    Field,
}

const ENUM_KEYS: &[&str] = &[
    "crate",
    "display",
    "type_base",
    "grpc_domain",
    "private_docs",
    "catalog_title",
    "rename_all",
    "strip_suffix",
    "subset",
];
const VARIANT_KEYS: &[&str] = &[
    "transparent",
    "message",
    "display",
    "code",
    "description",
    "expose",
    "www_authenticate",
    "allow",
    "retry_after",
    "type",
    "title",
    "grpc",
];
/// A struct is an enum's only variant, written on the type: it takes a variant's keys, then
/// those of the enum it does not share.
const STRUCT_KEYS: &[&str] = &{
    const LEN: usize = union_len(VARIANT_KEYS, ENUM_KEYS);
    union::<LEN>(VARIANT_KEYS, ENUM_KEYS)
};
const FIELD_KEYS: &[&str] = &[
    "extension",
    "retry_after",
    "allow",
    "www_authenticate",
    "forward",
];
/// The variant keys whose value may be the path to a `&'static str` constant, as well as a
/// literal: header values, which the row holds as they are.
const PATH_KEYS: &[&str] = &["www_authenticate", "allow"];

/// `first`, then the keys of `then` that `first` lacks, in order.
const fn union<const LEN: usize>(
    first: &[&'static str],
    then: &[&'static str],
) -> [&'static str; LEN] {
    let mut out = [""; LEN];
    let mut len = 0;
    while len < first.len() {
        out[len] = first[len];
        len += 1;
    }
    let mut i = 0;
    while i < then.len() {
        if !contains(first, then[i]) {
            out[len] = then[i];
            len += 1;
        }
        i += 1;
    }
    assert!(len == LEN, "`LEN` is `union_len` of the same lists");
    out
}

/// How many keys `union(first, then)` holds.
const fn union_len(first: &[&str], then: &[&str]) -> usize {
    let mut len = first.len();
    let mut i = 0;
    while i < then.len() {
        if !contains(first, then[i]) {
            len += 1;
        }
        i += 1;
    }
    len
}

/// Whether `keys` holds `key` (`<[&str]>::contains` is not `const`).
const fn contains(keys: &[&str], key: &str) -> bool {
    let mut i = 0;
    while i < keys.len() {
        let (a, b) = (keys[i].as_bytes(), key.as_bytes());
        let mut same = a.len() == b.len();
        let mut j = 0;
        while same && j < a.len() {
            same = a[j] == b[j];
            j += 1;
        }
        if same {
            return true;
        }
        i += 1;
    }
    false
}

impl Level {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Level::Enum => ENUM_KEYS,
            Level::Struct => STRUCT_KEYS,
            Level::Variant => VARIANT_KEYS,
            Level::Field => FIELD_KEYS,
        }
    }

    fn takes_status(self) -> bool {
        self != Level::Field
    }

    fn name(self) -> &'static str {
        match self {
            Level::Enum => "the enum",
            Level::Struct => "the struct",
            Level::Variant => "a variant",
            Level::Field => "a field",
        }
    }
}

/// The keys of a type- or variant-level `#[status(...)]`, as written.
#[derive(Default, Clone)]
pub struct Attrs {
    /// Whether a `#[status]` attribute was read, so that a second one is refused.
    pub seen: bool,
    pub status: Option<LitInt>,
    pub transparent: Option<Ident>,
    pub message: Option<LitStr>,
    pub display: Option<Ident>,
    pub code: Option<LitStr>,
    pub description: Option<LitStr>,
    pub expose: Option<Ident>,
    pub krate: Option<LitStr>,
    pub www_authenticate: Option<HeaderText>,
    pub allow: Option<HeaderText>,
    pub retry_after: Option<LitInt>,
    /// `type = "..."`: the problem type URI (`type` is a keyword, hence the name).
    pub type_uri: Option<LitStr>,
    pub title: Option<LitStr>,
    pub type_base: Option<LitStr>,
    /// `grpc = "not_found"`: the gRPC code, instead of the one the status maps to.
    pub grpc: Option<LitStr>,
    /// `grpc_domain = "api.example.com"`: the domain of gRPC `ErrorInfo` details.
    pub grpc_domain: Option<LitStr>,
    /// `private_docs`: doc comments are for developers, and no output publishes them.
    pub private_docs: Option<Ident>,
    /// `catalog_title = "..."`: the heading of the HTML error catalog.
    pub catalog_title: Option<LitStr>,
    /// `rename_all = "kebab-case"`: how the default codes of 4xx variants are spelled.
    pub rename_all: Option<LitStr>,
    /// `strip_suffix = "Error"`: dropped from variant names before their default codes.
    pub strip_suffix: Option<LitStr>,
    /// `subset(ReadError = [NotFound, Db])`: the typed subsets to generate, in order.
    pub subsets: Vec<Subset>,
    /// Every key written, in order, for rules about combinations.
    pub keys: Vec<Ident>,
    /// A status was written but could not be read (and that was reported).
    pub bad_status: bool,
}

/// The keys of a field-level `#[status(...)]`, as written.
#[derive(Default)]
pub struct FieldAttrs {
    pub extension: Option<Extension>,
    pub retry_after: Option<Ident>,
    pub allow: Option<Ident>,
    pub www_authenticate: Option<Ident>,
    /// `forward`: the variant answers with this field's status.
    pub forward: Option<Ident>,
    /// Every key written, even with a value that could not be read (and was reported).
    pub keys: Vec<Ident>,
}

/// A header value written on a variant: a literal, or the path to a `&'static str` constant,
/// which only constant evaluation can read.
#[derive(Clone)]
pub enum HeaderText {
    Lit(LitStr),
    Const(syn::ExprPath),
}

impl quote::ToTokens for HeaderText {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            HeaderText::Lit(lit) => lit.to_tokens(tokens),
            HeaderText::Const(path) => path.to_tokens(tokens),
        }
    }
}

pub struct Extension {
    pub key: Ident,
    pub name: Option<LitStr>,
}

/// `subset(ReadError = [NotFound, Db], derive(Debug, thiserror::Error))`, as written.
#[derive(Clone)]
pub struct Subset {
    pub key: Ident,
    pub name: Ident,
    /// The variants named, duplicates and unknown names included (`valid.rs` judges them).
    pub variants: Vec<Ident>,
    /// The brackets, for an error about the list as a whole.
    pub bracket_span: proc_macro2::Span,
    /// `derive(...)`: the subset's derives; the parent's other attributes go with them.
    pub derives: Option<Vec<syn::Path>>,
}

impl Subset {
    fn parse(key: Ident, content: ParseStream) -> syn::Result<Self> {
        let name: Ident = content.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                "expected the subset's name: `subset(ReadError = [NotFound, Db])`",
            )
        })?;
        content.parse::<Token![=]>().map_err(|err| {
            syn::Error::new(
                err.span(),
                format!("expected `=` and the variants: `subset({name} = [NotFound, Db])`"),
            )
        })?;
        let list;
        let bracket = syn::bracketed!(list in content);
        let variants = list.parse_terminated(<Ident as syn::parse::Parse>::parse, Token![,])?;
        let mut derives = None;
        if content.parse::<Option<Token![,]>>()?.is_some() && !content.is_empty() {
            let derive: Ident = content.parse()?;
            if derive != "derive" {
                return Err(syn::Error::new(
                    derive.span(),
                    format!("expected `derive(...)`: `subset({name} = [...], derive(Debug, thiserror::Error))`"),
                ));
            }
            let paths;
            syn::parenthesized!(paths in content);
            derives = Some(
                paths
                    .parse_terminated(syn::Path::parse_mod_style, Token![,])?
                    .into_iter()
                    .collect(),
            );
            content.parse::<Option<Token![,]>>()?;
        }
        if !content.is_empty() {
            return Err(content.error("unexpected tokens after the subset"));
        }
        Ok(Subset {
            key,
            name,
            variants: variants.into_iter().collect(),
            bracket_span: bracket.span.join(),
            derives,
        })
    }
}

/// Parses every `#[status(...)]` among `attrs` at `level`.
pub fn parse_attrs(cx: &mut Ctxt, attrs: &[Attribute], level: Level) -> Attrs {
    let mut out = Attrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("status")) {
        // Subsets may take an attribute each, beside the one with the other keys.
        let only_subsets = level == Level::Enum && starts_with_subset(attr);
        if out.seen && !only_subsets {
            cx.error_spanned(
                attr,
                "duplicate #[status] attribute; put every key in one: #[status(404, code = \"...\")]",
            );
            continue;
        }
        out.seen |= !only_subsets;
        parse_one(cx, attr, level, &mut |cx, item| match item {
            Item::Status(lit) => set(cx, &mut out.status, lit, "the status code"),
            Item::BadStatus => out.bad_status = true,
            Item::BadValue(key) => out.keys.push(key),
            Item::Subset(subset) => {
                out.keys.push(subset.key.clone());
                out.subsets.push(subset);
            }
            Item::Path(key, path) => {
                out.keys.push(key.clone());
                let slot = if key == "allow" {
                    &mut out.allow
                } else {
                    &mut out.www_authenticate
                };
                set(cx, slot, HeaderText::Const(path), &format!("`{key}`"));
            }
            Item::Flag(key) => {
                out.keys.push(key.clone());
                match key.to_string().as_str() {
                    "transparent" => set(cx, &mut out.transparent, key, "`transparent`"),
                    "display" => set(cx, &mut out.display, key, "`display`"),
                    "expose" => set(cx, &mut out.expose, key, "`expose`"),
                    "private_docs" => set(cx, &mut out.private_docs, key, "`private_docs`"),
                    "subset" => cx.error_spanned(&key, SUBSET_SYNTAX),
                    _ => cx.error_spanned(
                        &key,
                        format!("`{key}` needs a value: `{key} = {}`", example_value(&key)),
                    ),
                }
            }
            Item::Value(key, value) => {
                out.keys.push(key.clone());
                let name = key.to_string();
                match name.as_str() {
                    "message" => set_str(cx, &mut out.message, &key, value),
                    "code" => set_str(cx, &mut out.code, &key, value),
                    "description" => set_str(cx, &mut out.description, &key, value),
                    "crate" => set_str(cx, &mut out.krate, &key, value),
                    "www_authenticate" => set_header(cx, &mut out.www_authenticate, &key, value),
                    "allow" => set_header(cx, &mut out.allow, &key, value),
                    "type" => set_str(cx, &mut out.type_uri, &key, value),
                    "title" => set_str(cx, &mut out.title, &key, value),
                    "type_base" => set_str(cx, &mut out.type_base, &key, value),
                    "grpc" => set_str(cx, &mut out.grpc, &key, value),
                    "grpc_domain" => set_str(cx, &mut out.grpc_domain, &key, value),
                    "catalog_title" => set_str(cx, &mut out.catalog_title, &key, value),
                    "rename_all" => set_str(cx, &mut out.rename_all, &key, value),
                    "strip_suffix" => set_str(cx, &mut out.strip_suffix, &key, value),
                    "subset" => cx.error_spanned(&key, SUBSET_SYNTAX),
                    "retry_after" => match value {
                        Lit::Int(lit) => set(cx, &mut out.retry_after, lit, "`retry_after`"),
                        other => cx.error_spanned(
                            &other,
                            "`retry_after` takes whole seconds as an integer: `retry_after = 30`",
                        ),
                    },
                    _ => cx.error_spanned(
                        &key,
                        format!("`{key}` is a flag and takes no value: write `{key}` alone"),
                    ),
                }
            }
        });
    }
    out
}

const SUBSET_SYNTAX: &str =
    "`subset` names a type and lists its variants: `subset(ReadError = [NotFound, Db])`";

/// Whether an attribute reads `#[status(subset(...` (and so may stand beside another).
fn starts_with_subset(attr: &Attribute) -> bool {
    let syn::Meta::List(list) = &attr.meta else {
        return false;
    };
    let mut tokens = list.tokens.clone().into_iter();
    matches!(
        (tokens.next(), tokens.next()),
        (Some(proc_macro2::TokenTree::Ident(key)), Some(proc_macro2::TokenTree::Group(_))) if key == "subset"
    )
}

/// Parses every `#[status(...)]` on a field.
pub fn parse_field_attrs(cx: &mut Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let mut seen = false;
    for attr in attrs.iter().filter(|a| a.path().is_ident("status")) {
        if std::mem::replace(&mut seen, true) {
            cx.error_spanned(
                attr,
                "duplicate #[status] attribute; put every key in one: #[status(extension, retry_after)]",
            );
            continue;
        }
        parse_one(cx, attr, Level::Field, &mut |cx, item| {
            if let Item::Flag(key) | Item::Value(key, _) | Item::BadValue(key) = &item {
                out.keys.push(key.clone());
            }
            field_item(cx, &mut out, item);
        });
    }
    out
}

fn field_item(cx: &mut Ctxt, out: &mut FieldAttrs, item: Item) {
    match item {
        Item::BadStatus | Item::BadValue(_) | Item::Path(..) | Item::Subset(_) => {}
        Item::Status(lit) => cx.error_spanned(
            &lit,
            "a field takes no status; put `#[status(...)]` with the code on the variant",
        ),
        Item::Flag(key) => match key.to_string().as_str() {
            "extension" => set_extension(cx, &mut out.extension, key, None),
            "retry_after" => set(cx, &mut out.retry_after, key, "`retry_after`"),
            "www_authenticate" => {
                set(cx, &mut out.www_authenticate, key, "`www_authenticate`");
            }
            "forward" => set(cx, &mut out.forward, key, "`forward`"),
            _ => set(cx, &mut out.allow, key, "`allow`"),
        },
        Item::Value(key, value) => match (key.to_string().as_str(), value) {
            ("extension", Lit::Str(name)) => {
                set_extension(cx, &mut out.extension, key, Some(name));
            }
            ("extension", other) => cx.error_spanned(
                &other,
                "the extension's name is a string: `extension = \"retry_after_seconds\"`",
            ),
            _ => cx.error_spanned(
                &key,
                format!("`{key}` on a field is a flag: write `#[status({key})]`"),
            ),
        },
    }
}

enum Item {
    Status(LitInt),
    Flag(Ident),
    Value(Ident, Lit),
    /// A header key whose value is the path to a constant: `www_authenticate = REALM`.
    Path(Ident, syn::ExprPath),
    /// A status was meant but could not be read; its error is reported already.
    BadStatus,
    /// A known key whose value could not be read; its error is reported already, and rules
    /// that ask for the key must not ask again.
    BadValue(Ident),
    Subset(Subset),
}

/// A mistake in one item, which does not stop the rest of the list being read.
struct Mistake {
    error: syn::Error,
    /// Whether the item stood where a status goes, so "no status" would only repeat it.
    in_status_position: bool,
    /// The known key whose value was wrong, so "add this key" would only repeat it.
    key: Option<Ident>,
}

impl Mistake {
    fn key(error: syn::Error) -> Self {
        Mistake {
            error,
            in_status_position: false,
            key: None,
        }
    }

    fn status(error: syn::Error) -> Self {
        Mistake {
            error,
            in_status_position: true,
            key: None,
        }
    }

    fn value(key: Ident, error: syn::Error) -> Self {
        Mistake {
            error,
            in_status_position: false,
            key: Some(key),
        }
    }
}

/// Splits one attribute into items, reporting unknown keys and bad syntax, and calls `each`
/// for every item that makes sense at `level`.
fn parse_one(cx: &mut Ctxt, attr: &Attribute, level: Level, each: &mut dyn FnMut(&mut Ctxt, Item)) {
    let list = match &attr.meta {
        syn::Meta::List(list) => list,
        other => {
            let example = if level == Level::Field {
                "#[status(extension)]"
            } else {
                "#[status(404)]"
            };
            cx.error_spanned(other, format!("expected a list of keys, like `{example}`"));
            each(cx, Item::BadStatus);
            return;
        }
    };
    if list.tokens.is_empty() {
        let example = if level == Level::Field {
            "#[status(extension)]"
        } else {
            "#[status(404)]"
        };
        cx.error_spanned(
            list,
            format!("empty #[status()]; write the keys, like `{example}`"),
        );
        each(cx, Item::BadStatus);
        return;
    }
    let mut items = Vec::new();
    let parser = |input: ParseStream| {
        while !input.is_empty() {
            items.push(parse_item(input, level)?);
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(err) = parser.parse2(list.tokens.clone()) {
        cx.push(err);
    }
    for item in items {
        match item {
            Ok(item) => each(cx, item),
            Err(mistake) => {
                cx.push(mistake.error);
                if mistake.in_status_position {
                    each(cx, Item::BadStatus);
                }
                if let Some(key) = mistake.key {
                    each(cx, Item::BadValue(key));
                }
            }
        }
    }
}

/// An item that is neither a literal nor a key, up to the next comma.
fn not_an_item(input: ParseStream, level: Level) -> syn::Result<Mistake> {
    let bad: TokenStream = input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = TokenStream::new();
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            tokens.extend([tt]);
            rest = next;
        }
        Ok((tokens, rest))
    })?;
    if bad.is_empty() {
        // Two commas in a row: point at the second, since there is no item to point at.
        return Ok(Mistake::key(syn::Error::new(
            input.span(),
            "empty item between commas; remove the extra `,`",
        )));
    }
    let hint = if level.takes_status() {
        "expected a status code like `404` or a key like `code = \"...\"`"
    } else {
        "expected a key, like `extension`"
    };
    let error = syn::Error::new_spanned(bad, hint);
    Ok(if level.takes_status() {
        Mistake::status(error)
    } else {
        Mistake::key(error)
    })
}

/// One item; `Ok(Err(_))` is a mistake that does not stop the rest of the list being read.
fn parse_item(input: ParseStream, level: Level) -> syn::Result<Result<Item, Mistake>> {
    // A literal token, not `peek(Lit)`: that makes the whole `Lit` (the token's text read
    // from the compiler and parsed) only to throw it away; `true` and `false` are keys' idents
    // until `name` below tells them apart.
    if starts_literal(input) {
        return Ok(literal_item(input.parse()?, level));
    }
    if !input.peek(Ident::peek_any) {
        return not_an_item(input, level).map(Err);
    }
    let key = input.call(Ident::parse_any)?;
    // Read once: comparing an identifier with a string reads its text from the compiler.
    let name = key.to_string();
    if name == "true" || name == "false" {
        return Ok(literal_item(
            Lit::Bool(syn::LitBool::new(name == "true", key.span())),
            level,
        ));
    }
    if name == "subset" && level.keys().contains(&"subset") && input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in input);
        return Ok(match Subset::parse(key.clone(), &content) {
            Ok(subset) => Ok(Item::Subset(subset)),
            Err(error) => {
                // The rest of the parentheses is part of the same mistake.
                content.parse::<TokenStream>()?;
                Err(Mistake::value(key, error))
            }
        });
    }
    let path_follows = input.peek(Token![::]);
    let value = if input.peek(Token![=]) {
        let eq = input.parse::<Token![=]>()?;
        if input.is_empty() || input.peek(Token![,]) {
            Value::Missing(eq)
        } else if starts_literal(input) || input.peek(syn::LitBool) {
            Value::Lit(input.parse::<Lit>()?)
        } else {
            Value::Expr(input.parse::<syn::Expr>()?)
        }
    } else {
        Value::None
    };
    if path_follows {
        let rest: syn::Path = input.parse().unwrap_or_else(|_| key.clone().into());
        let mut whole = quote::quote!(#key);
        whole.extend(quote::quote!(#rest));
        return Ok(Err(Mistake::status(syn::Error::new_spanned(
            whole,
            "the status must be an integer literal, like `#[status(404)]`; constants are not read",
        ))));
    }
    let looks_like_constant = name.len() > 1
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    if level.takes_status() && matches!(value, Value::None) && looks_like_constant {
        return Ok(Err(Mistake::status(syn::Error::new(
            key.span(),
            format!("the status must be an integer literal, like `#[status(404)]`; `{name}` is not read"),
        ))));
    }
    if !level.keys().contains(&name.as_str()) {
        let error = unknown_key(&key, level);
        // `forward` on a variant means its status comes from a field: "no status" would
        // only repeat the mistake.
        return Ok(Err(if name == "forward" && level.takes_status() {
            Mistake::status(error)
        } else {
            Mistake::key(error)
        }));
    }
    match value {
        Value::None => Ok(Ok(Item::Flag(key))),
        Value::Lit(lit) => Ok(Ok(Item::Value(key, lit))),
        Value::Missing(eq) => {
            let error = syn::Error::new(eq.span, missing_value(&key, level));
            Ok(Err(Mistake::value(key, error)))
        }
        Value::Expr(syn::Expr::Path(path))
            if level.takes_status() && PATH_KEYS.contains(&name.as_str()) =>
        {
            Ok(Ok(Item::Path(key, path)))
        }
        Value::Expr(expr) => Ok(Err(not_a_literal(key, level, expr))),
    }
}

/// Whether a literal starts here, as `Lit` parses one: a literal token, or `-` before one.
fn starts_literal(input: ParseStream) -> bool {
    let cursor = input.cursor();
    match cursor.punct() {
        Some((minus, rest)) if minus.as_char() == '-' => rest.literal().is_some(),
        _ => cursor.literal().is_some(),
    }
}

/// The item a literal makes: the status where one goes, else a mistake.
fn literal_item(lit: Lit, level: Level) -> Result<Item, Mistake> {
    match lit {
        Lit::Int(int) => Ok(Item::Status(int)),
        Lit::Str(s) if level.takes_status() && s.value().trim().parse::<u16>().is_ok() => {
            Err(Mistake::status(syn::Error::new(
                s.span(),
                format!(
                    "the status is an integer, not a string: write `{}`",
                    s.value().trim()
                ),
            )))
        }
        other if level.takes_status() => Err(Mistake::status(syn::Error::new(
            other.span(),
            "the status must be an integer literal, like `#[status(404)]`",
        ))),
        other => Err(Mistake::key(syn::Error::new(
            other.span(),
            "expected a key, like `extension`",
        ))),
    }
}

/// A value that is neither a literal nor, where a header key takes one, a constant's path.
fn not_a_literal(key: Ident, level: Level, expr: syn::Expr) -> Mistake {
    let message = if level == Level::Field && key != "extension" {
        format!("`{key}` on a field is a flag: write `#[status({key})]`")
    } else if PATH_KEYS.iter().any(|k| key == k) {
        format!(
            "`{key}` takes a string literal or the path to a `&'static str` constant, like \
             `{key} = {}` or `{key} = {}`",
            example_value(&key),
            example_const(&key)
        )
    } else {
        format!(
            "`{key}` takes a literal, like `{key} = {}`",
            example_value(&key)
        )
    };
    Mistake::value(key, syn::Error::new_spanned(expr, message))
}

/// What follows a key, before the key is known to be one.
enum Value {
    None,
    Lit(Lit),
    /// `key =` and then nothing.
    Missing(Token![=]),
    /// Not a literal: a constant or an expression, which the macro cannot read.
    Expr(syn::Expr),
}

fn missing_value(key: &Ident, level: Level) -> String {
    let flag = match level {
        Level::Field => ["retry_after", "allow", "www_authenticate", "forward"].as_slice(),
        _ => ["transparent", "display", "expose"].as_slice(),
    };
    if flag.contains(&key.to_string().as_str()) {
        format!("`{key}` is a flag and takes no value: write `{key}` alone")
    } else {
        format!(
            "`{key}` has no value after `=`; write one, like `{key} = {}`",
            example_value(key)
        )
    }
}

fn example_value(key: &Ident) -> &'static str {
    match key.to_string().as_str() {
        "retry_after" => "30",
        "crate" => "\"::my_api::status_core\"",
        "www_authenticate" => "\"Bearer\"",
        "allow" => "\"GET, HEAD\"",
        "type" => "\"https://api.example.com/problems/out_of_credit\"",
        "title" => "\"You do not have enough credit\"",
        "type_base" => "\"https://api.example.com/problems/\"",
        "grpc" => "\"not_found\"",
        "grpc_domain" => "\"api.example.com\"",
        "catalog_title" => "\"Todo API errors\"",
        "rename_all" => "\"kebab-case\"",
        "strip_suffix" => "\"Error\"",
        _ => "\"...\"",
    }
}

/// The constant a header key's messages show, for the keys that take one.
fn example_const(key: &Ident) -> &'static str {
    if key == "allow" {
        "ALLOWED_METHODS"
    } else {
        "CHALLENGE"
    }
}

fn unknown_key(key: &Ident, level: Level) -> syn::Error {
    let name = key.to_string();
    let elsewhere = [Level::Enum, Level::Variant, Level::Field]
        .into_iter()
        .find(|other| *other != level && other.keys().contains(&name.as_str()));
    let message = if let Some(other) = elsewhere {
        format!(
            "`{name}` goes on {}, not on {}{}",
            other.name(),
            level.name(),
            instead_here(&name, level)
        )
    } else if let Some(best) = closest(&name, level.keys()) {
        format!("unknown key `{name}`; did you mean `{best}`?")
    } else {
        format!(
            "unknown key `{name}`; {} takes: {}",
            level.name(),
            level
                .keys()
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    syn::Error::new(key.span(), message)
}

/// What the level a key was misplaced on takes in its stead, where the two are easily confused.
fn instead_here(name: &str, level: Level) -> &'static str {
    match (name, level) {
        ("type", Level::Enum) => "; to give every variant a type, write `type_base = \"https://api.example.com/problems/\"` here, and each variant's code is appended to it",
        ("type_base", Level::Variant) => "; a variant names its own type in full: `type = \"https://api.example.com/problems/out_of_credit\"`",
        ("forward", Level::Variant | Level::Struct) => "; mark the field whose status the variant answers with: `#[status(forward)] inner: Box<InnerError>`",
        ("rename_all" | "strip_suffix", Level::Variant) => "; a variant names its own code in full: `code = \"...\"`",
        _ => "",
    }
}

/// The known name nearest to `name` by edit distance, if it is near enough to be a typo.
pub fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn set<T: quote::ToTokens>(cx: &mut Ctxt, slot: &mut Option<T>, value: T, what: &str) {
    if slot.is_some() {
        cx.error_spanned(&value, format!("{what} is given twice; keep one"));
    } else {
        *slot = Some(value);
    }
}

fn set_str(cx: &mut Ctxt, slot: &mut Option<LitStr>, key: &Ident, value: Lit) {
    match value {
        Lit::Str(s) => set(cx, slot, s, &format!("`{key}`")),
        other => cx.error_spanned(
            &other,
            format!(
                "`{key}` takes a string literal: `{key} = {}`",
                example_value(key)
            ),
        ),
    }
}

fn set_header(cx: &mut Ctxt, slot: &mut Option<HeaderText>, key: &Ident, value: Lit) {
    match value {
        Lit::Str(s) => set(cx, slot, HeaderText::Lit(s), &format!("`{key}`")),
        other => cx.error_spanned(
            &other,
            format!(
                "`{key}` takes a string literal or the path to a `&'static str` constant: \
                 `{key} = {}` or `{key} = {}`",
                example_value(key),
                example_const(key)
            ),
        ),
    }
}

fn set_extension(cx: &mut Ctxt, slot: &mut Option<Extension>, key: Ident, name: Option<LitStr>) {
    if slot.is_some() {
        cx.error_spanned(&key, "`extension` is given twice; keep one");
    } else {
        *slot = Some(Extension { key, name });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::ui_stderr::messages;

    /// The messages for one `#[status(...)]` written on a variant, and on a field.
    fn on_variant(keys: &str) -> Vec<String> {
        messages(&format!(
            "#[derive(ApiStatus)] enum E {{ #[status({keys})] V }}"
        ))
    }

    fn on_field(keys: &str) -> Vec<String> {
        messages(&format!(
            "#[derive(ApiStatus)] enum E {{ #[status(400)] V {{ #[status({keys})] f: u32 }} }}"
        ))
    }

    #[test]
    fn private_docs_is_a_flag_and_catalog_title_a_string_both_on_the_type() {
        let on_enum = |keys: &str| {
            messages(&format!(
                "#[derive(ApiStatus)] #[status({keys})] enum E {{ #[status(404)] V }}"
            ))
        };
        assert!(on_enum("private_docs, catalog_title = \"Todo API errors\"").is_empty());
        assert_eq!(
            on_enum("catalog_title"),
            ["`catalog_title` needs a value: `catalog_title = \"Todo API errors\"`"]
        );
        assert_eq!(
            on_enum("private_docs = true"),
            ["`private_docs` is a flag and takes no value: write `private_docs` alone"]
        );
        assert_eq!(
            on_variant("404, private_docs"),
            ["`private_docs` goes on the enum, not on a variant"]
        );
    }

    #[test]
    fn forward_rename_all_and_strip_suffix_say_where_they_go() {
        assert_eq!(
            on_variant("forward"),
            ["`forward` goes on a field, not on a variant; mark the field whose status the variant answers with: `#[status(forward)] inner: Box<InnerError>`"]
        );
        assert_eq!(
            on_variant("404, rename_all = \"kebab-case\""),
            ["`rename_all` goes on the enum, not on a variant; a variant names its own code in full: `code = \"...\"`"]
        );
        assert_eq!(
            on_field("forward = true"),
            ["`forward` on a field is a flag: write `#[status(forward)]`"]
        );
        assert!(
            on_field("forward, forward").contains(&"`forward` is given twice; keep one".to_owned())
        );
        assert_eq!(
            on_variant("401, www_authenticate = 5"),
            ["`www_authenticate` takes a string literal or the path to a `&'static str` constant: `www_authenticate = \"Bearer\"` or `www_authenticate = CHALLENGE`"]
        );
    }

    #[test]
    fn a_literal_on_a_field_is_a_misplaced_key_not_a_status() {
        assert_eq!(on_field("\"404\""), ["expected a key, like `extension`"]);
        assert_eq!(on_field("@"), ["expected a key, like `extension`"]);
        assert_eq!(
            on_field("404"),
            ["a field takes no status; put `#[status(...)]` with the code on the variant"]
        );
        assert_eq!(
            on_field("extension = 5"),
            ["the extension's name is a string: `extension = \"retry_after_seconds\"`"]
        );
        assert_eq!(
            on_field("retry_after = "),
            ["`retry_after` is a flag and takes no value: write `retry_after` alone"]
        );
    }

    #[test]
    fn a_string_status_is_corrected_only_when_it_holds_a_number() {
        assert_eq!(
            on_variant("\" 404 \""),
            ["the status is an integer, not a string: write `404`"]
        );
        assert_eq!(
            on_variant("\"gone\""),
            ["the status must be an integer literal, like `#[status(404)]`"]
        );
    }

    #[test]
    fn an_upper_case_name_is_read_as_a_status_constant() {
        let constant = |name: &str| {
            format!("the status must be an integer literal, like `#[status(404)]`; `{name}` is not read")
        };
        assert_eq!(on_variant("NOT_FOUND"), [constant("NOT_FOUND")]);
        assert_eq!(on_variant("ERROR_404"), [constant("ERROR_404")]);
        // One capital is no constant's name: it is an unknown key, with a status still missing.
        let single = on_variant("X");
        assert!(single[0].starts_with("unknown key `X`"), "{single:?}");
        let mixed = on_field("NOT_FOUND");
        assert!(mixed[0].starts_with("unknown key `NOT_FOUND`"), "{mixed:?}");
    }

    #[test]
    fn a_missing_value_is_shown_with_an_example_of_the_key() {
        let missing = |key: &str| on_variant(&format!("404, {key} = "));
        for (key, example) in [
            ("www_authenticate", "\"Bearer\""),
            ("allow", "\"GET, HEAD\""),
            ("retry_after", "30"),
            ("type", "\"https://api.example.com/problems/out_of_credit\""),
            ("title", "\"You do not have enough credit\""),
            ("message", "\"...\""),
        ] {
            let expected =
                format!("`{key}` has no value after `=`; write one, like `{key} = {example}`");
            assert_eq!(missing(key)[0], expected);
        }
        for (key, example) in [
            ("crate", "\"::my_api::status_core\""),
            ("type_base", "\"https://api.example.com/problems/\""),
        ] {
            let on_enum = messages(&format!(
                "#[derive(ApiStatus)] #[status({key} = )] enum E {{ #[status(404)] V }}"
            ));
            let expected =
                format!("`{key}` has no value after `=`; write one, like `{key} = {example}`");
            assert_eq!(on_enum, [expected]);
        }
        assert_eq!(
            missing("expose")[0],
            "`expose` is a flag and takes no value: write `expose` alone"
        );
    }

    #[test]
    fn a_struct_takes_every_variant_key_then_each_enum_key_once() {
        assert_eq!(STRUCT_KEYS[..VARIANT_KEYS.len()], *VARIANT_KEYS);
        for key in ENUM_KEYS.iter().chain(VARIANT_KEYS) {
            let times = STRUCT_KEYS.iter().filter(|k| *k == key).count();
            assert_eq!(times, 1, "`{key}`");
        }
        assert!(STRUCT_KEYS
            .iter()
            .all(|k| VARIANT_KEYS.contains(k) || ENUM_KEYS.contains(k)));
    }

    /// The attribute reference's tables (status-core's `attributes.md`, one at the head of
    /// each level) list every key of each level, and no other.
    #[test]
    fn the_reference_tables_list_every_key_of_each_level() {
        let reference = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core/attributes.md"),
        )
        .expect("status-core/attributes.md");
        let table = |heading: &str| -> Vec<String> {
            let start = reference.find(heading).expect(heading);
            reference[start..]
                .lines()
                .skip(1)
                .skip_while(|line| !line.starts_with('|'))
                .take_while(|line| line.starts_with('|'))
                .filter_map(|line| {
                    let key = line.strip_prefix("| `")?;
                    Some(key[..key.find(['`', ' '])?].to_owned())
                })
                .collect()
        };
        for (heading, keys) in [
            ("\n# On a variant", VARIANT_KEYS),
            ("\n# On a field", FIELD_KEYS),
            ("\n# On the enum", ENUM_KEYS),
        ] {
            let mut listed = table(heading);
            listed.sort();
            listed.dedup();
            let mut keys = keys.to_vec();
            keys.sort_unstable();
            assert_eq!(listed, keys, "{heading}");
        }
    }

    /// The attribute reference in rustdoc (status-core's `attributes.md`, on the derive's
    /// page) has a section for every key of each level, and no other.
    #[test]
    fn the_rustdoc_reference_has_a_section_for_every_key_of_each_level() {
        let reference = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-core/attributes.md"),
        )
        .expect("status-core/attributes.md");
        let sections = |heading: &str| -> Vec<String> {
            let start = reference.find(heading).expect(heading);
            reference[start + heading.len()..]
                .lines()
                // Up to the next level (`# use ...` lines hide code in the examples).
                .take_while(|line| !line.starts_with("# On "))
                .filter_map(|line| line.strip_prefix("## "))
                .map(|key| key.trim_matches('`').to_owned())
                // The status literal is not a key.
                .filter(|key| key != "status")
                .collect()
        };
        for (heading, keys) in [
            ("# On a variant", VARIANT_KEYS),
            ("# On a field", FIELD_KEYS),
            ("# On the enum", ENUM_KEYS),
        ] {
            let mut listed = sections(heading);
            listed.sort();
            let mut keys = keys.to_vec();
            keys.sort_unstable();
            assert_eq!(listed, keys, "{heading}");
        }
    }

    #[test]
    fn typos_suggest_the_nearest_key() {
        assert_eq!(closest("mesage", VARIANT_KEYS), Some("message"));
        assert_eq!(closest("retryafter", VARIANT_KEYS), Some("retry_after"));
        assert_eq!(closest("descripton", VARIANT_KEYS), Some("description"));
        assert_eq!(closest("zzz", VARIANT_KEYS), None);
        // A long key tolerates more slips: a third of its length.
        assert_eq!(closest("descrptn", VARIANT_KEYS), Some("description"));
        assert_eq!(closest("dscrptn", VARIANT_KEYS), None);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
        assert_eq!(edit_distance("code", "code"), 0);
    }
}
