//! The derive's input as syn's `DeriveInput`, read by hand where the item has the usual shape
//! of an error enum: no generics, no discriminants, attributes of one-word paths, fields of
//! plain types. syn's parser reads everything, but unoptimized, as a proc macro usually runs,
//! it is most of the derive's own cost: it walks every token into its buffer, the contents of
//! every attribute included, and asks the compiler for an identifier's text at each keyword
//! it looks for. What this reads is what syn reads, spans included (a property test and the
//! fuzz target compare the two); whatever it does not know, the whole item or a variant's
//! fields, is left to syn.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::{
    token, AttrStyle, Attribute, Data, DataEnum, DeriveInput, Expr, ExprLit, Field, FieldModifiers,
    Fields, FieldsNamed, FieldsUnnamed, Generics, Lit, MacroDelimiter, Meta, MetaList,
    MetaNameValue, Path, PathArguments, PathSegment, Token, Type, TypePath, Variant, Visibility,
};

type Trees = std::iter::Peekable<proc_macro2::token_stream::IntoIter>;

/// The derive's input: read here if it can be, else by syn.
pub fn parse(tokens: TokenStream) -> syn::Result<DeriveInput> {
    match quick(tokens.clone()) {
        Some(input) => Ok(input),
        None => syn::parse2(tokens),
    }
}

/// An enum as syn reads it, or `None` where it has something this does not read.
pub fn quick(tokens: TokenStream) -> Option<DeriveInput> {
    let mut trees = tokens.into_iter().peekable();
    let attrs = attributes(&mut trees)?;
    let mut word = ident(&mut trees)?;
    let vis = if word == "pub" {
        if matches!(trees.peek(), Some(TokenTree::Group(_))) {
            return None; // `pub(crate)`
        }
        let vis = Visibility::Public(Token![pub](word.span()));
        word = ident(&mut trees)?;
        vis
    } else {
        Visibility::Inherited
    };
    if word != "enum" {
        return None;
    }
    let name = ident(&mut trees)?;
    let Some(TokenTree::Group(body)) = trees.next() else {
        return None; // generics or a `where` clause
    };
    if body.delimiter() != Delimiter::Brace || trees.next().is_some() {
        return None;
    }
    Some(DeriveInput {
        attrs,
        vis,
        ident: name,
        generics: Generics::default(),
        data: Data::Enum(DataEnum {
            enum_token: Token![enum](word.span()),
            brace_token: token::Brace(body.delim_span()),
            variants: variants(&body)?,
        }),
    })
}

fn variants(body: &Group) -> Option<Punctuated<Variant, Token![,]>> {
    let mut trees = body.stream().into_iter().peekable();
    let mut variants = Punctuated::new();
    while trees.peek().is_some() {
        let attrs = attributes(&mut trees)?;
        let ident = ident(&mut trees)?;
        let fields = match trees.peek() {
            Some(TokenTree::Group(group)) => {
                let fields = fields(group)?;
                trees.next();
                fields
            }
            _ => Fields::Unit,
        };
        variants.push_value(Variant {
            attrs,
            ident,
            fields,
            discriminant: None,
        });
        match trees.next() {
            None => break,
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {
                variants.push_punct(Token![,](comma.span()));
            }
            Some(_) => return None, // a discriminant, or what only syn reads
        }
    }
    Some(variants)
}

/// A variant's fields: read here if each is a plain type (and a name), else by syn.
fn fields(group: &Group) -> Option<Fields> {
    match group.delimiter() {
        Delimiter::Brace => Some(Fields::Named(match plain_fields(group, true) {
            Some(named) => FieldsNamed {
                brace_token: token::Brace(group.delim_span()),
                named,
            },
            None => syn::parse2(TokenTree::Group(group.clone()).into()).ok()?,
        })),
        Delimiter::Parenthesis => Some(Fields::Unnamed(match plain_fields(group, false) {
            Some(unnamed) => FieldsUnnamed {
                paren_token: token::Paren(group.delim_span()),
                unnamed,
            },
            None => syn::parse2(TokenTree::Group(group.clone()).into()).ok()?,
        })),
        _ => None,
    }
}

fn plain_fields(group: &Group, named: bool) -> Option<Punctuated<Field, Token![,]>> {
    let mut trees = group.stream().into_iter().peekable();
    let mut fields = Punctuated::new();
    while trees.peek().is_some() {
        let attrs = attributes(&mut trees)?;
        let (ident, colon_token) = if named {
            let ident = ident(&mut trees)?;
            let colon = punct(&mut trees, ':', Spacing::Alone)?;
            (Some(ident), Some(Token![:](colon.span())))
        } else {
            (None, None)
        };
        fields.push_value(Field {
            attrs,
            vis: Visibility::Inherited,
            modifiers: FieldModifiers::default(),
            ident,
            colon_token,
            ty: plain_type(&mut trees)?,
            default: None,
        });
        match trees.next() {
            None => break,
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {
                fields.push_punct(Token![,](comma.span()));
            }
            Some(_) => return None,
        }
    }
    Some(fields)
}

/// A path of identifiers with no arguments, like `String` or `std::io::Error`.
fn plain_type(trees: &mut Trees) -> Option<Type> {
    let first = ident(trees)?;
    if first == "_" {
        return None; // `Type::Infer`
    }
    let mut segments = Punctuated::new();
    segments.push_value(PathSegment {
        ident: first,
        arguments: PathArguments::None,
    });
    while let Some(TokenTree::Punct(colon)) = trees.peek() {
        if colon.as_char() != ':' || colon.spacing() != Spacing::Joint {
            break;
        }
        let first_colon = colon.span();
        trees.next();
        let second_colon = punct(trees, ':', Spacing::Alone)?;
        segments.push_punct(Token![::]([first_colon, second_colon.span()]));
        segments.push_value(PathSegment {
            ident: ident(trees)?,
            arguments: PathArguments::None,
        });
    }
    Some(Type::Path(TypePath {
        attrs: Vec::new(),
        qself: None,
        path: Path {
            leading_colon: None,
            segments,
        },
    }))
}

/// The outer attributes at the head of `trees`: `#[word]`, `#[word(...)]` (or `[...]`,
/// `{...}`) and `#[word = literal]`, doc comments included.
fn attributes(trees: &mut Trees) -> Option<Vec<Attribute>> {
    let mut attrs = Vec::new();
    while let Some(TokenTree::Punct(pound)) = trees.peek() {
        if pound.as_char() != '#' {
            break;
        }
        let pound = pound.span();
        trees.next();
        let Some(TokenTree::Group(group)) = trees.next() else {
            return None; // `#!`
        };
        if group.delimiter() != Delimiter::Bracket {
            return None;
        }
        attrs.push(Attribute {
            pound_token: Token![#](pound),
            style: AttrStyle::Outer,
            bracket_token: token::Bracket(group.delim_span()),
            meta: meta(&group)?,
        });
    }
    Some(attrs)
}

fn meta(group: &Group) -> Option<Meta> {
    let mut trees = group.stream().into_iter().peekable();
    let path = Path::from(ident(&mut trees)?);
    let meta = match trees.next() {
        None => return Some(Meta::Path(path)),
        Some(TokenTree::Group(list)) => Meta::List(MetaList {
            path,
            delimiter: match list.delimiter() {
                Delimiter::Parenthesis => MacroDelimiter::Paren(token::Paren(list.delim_span())),
                Delimiter::Bracket => MacroDelimiter::Bracket(token::Bracket(list.delim_span())),
                Delimiter::Brace => MacroDelimiter::Brace(token::Brace(list.delim_span())),
                Delimiter::None => return None,
            },
            tokens: list.stream(),
        }),
        Some(TokenTree::Punct(eq)) if eq.as_char() == '=' && eq.spacing() == Spacing::Alone => {
            let Some(TokenTree::Literal(literal)) = trees.next() else {
                return None;
            };
            Meta::NameValue(MetaNameValue {
                path,
                eq_token: Token![=](eq.span()),
                value: Expr::Lit(ExprLit {
                    attrs: Vec::new(),
                    lit: Lit::new(literal),
                }),
            })
        }
        Some(_) => return None, // a longer path, or another form of value
    };
    trees.next().is_none().then_some(meta)
}

fn ident(trees: &mut Trees) -> Option<Ident> {
    match trees.next() {
        Some(TokenTree::Ident(ident)) => Some(ident),
        _ => None,
    }
}

fn punct(trees: &mut Trees, ch: char, spacing: Spacing) -> Option<Punct> {
    match trees.next() {
        Some(TokenTree::Punct(punct)) if punct.as_char() == ch && punct.spacing() == spacing => {
            Some(punct)
        }
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use proc_macro2::{TokenStream, TokenTree};
    use quote::ToTokens as _;

    use super::quick;

    /// Every token of `tokens` with where it starts and ends, groups' delimiters included.
    fn located(tokens: TokenStream, out: &mut Vec<String>) {
        for tree in tokens {
            let (start, end) = (tree.span().start(), tree.span().end());
            let at = format!(
                "{}:{}-{}:{}",
                start.line, start.column, end.line, end.column
            );
            match tree {
                TokenTree::Group(group) => {
                    let (open, close) = (group.span_open().start(), group.span_close().start());
                    out.push(format!(
                        "{:?} {at} {}:{} {}:{}",
                        group.delimiter(),
                        open.line,
                        open.column,
                        close.line,
                        close.column
                    ));
                    located(group.stream(), out);
                }
                other => out.push(format!("{other} {at}")),
            }
        }
    }

    /// Whether `source` is read here; if it is, what is read must be syn's item, spans
    /// included.
    pub(crate) fn read_as_syn_reads(source: &str) -> bool {
        let tokens: TokenStream = source.parse().expect("tokens");
        let Some(by_hand) = quick(tokens.clone()) else {
            return false;
        };
        let by_syn: syn::DeriveInput = syn::parse2(tokens).expect("syn reads what is read here");
        assert_eq!(by_hand, by_syn, "{source}");
        let (mut hand_spans, mut syn_spans) = (Vec::new(), Vec::new());
        located(by_hand.to_token_stream(), &mut hand_spans);
        located(by_syn.to_token_stream(), &mut syn_spans);
        assert_eq!(hand_spans, syn_spans, "{source}");
        true
    }

    #[test]
    fn the_usual_error_enum_is_read_as_syn_reads_it() {
        let source = r#"
            /// The errors.
            #[status(type_base = "https://example.com/problems/")]
            #[allow(dead_code)]
            pub enum ApiError {
                /// Not here.
                #[error("user {id} not found")]
                #[status(404, message = "user {id} not found")]
                UserNotFound { id: u64, #[status(extension)] name: String },
                #[error(transparent)]
                #[status(500)]
                Io(#[from] std::io::Error),
                #[status(429)]
                RateLimited(u64, r#type::Kind,),
                #[doc = "gone"]
                #[non_exhaustive]
                Gone,
            }
        "#;
        assert!(read_as_syn_reads(source));
    }

    #[test]
    fn fields_of_other_types_are_read_by_syn_and_the_rest_here() {
        // `Box<..>`, a reference and `::std` are not plain paths: their variants' fields go to
        // syn, and the item is still read here.
        for fields in [
            "(Box<dyn std::error::Error + Send + Sync>)",
            "{ message: &'static str }",
            "(::std::io::Error)",
            "{ #[status(extension)] #[serde(rename = \"x\")] retry: u64 }",
            "(_)",
        ] {
            let source = format!("enum E {{ #[status(400)] A{fields}, B }}");
            assert!(read_as_syn_reads(&source), "{source}");
        }
    }

    #[test]
    fn fields_of_plain_paths_are_read_here() {
        for (fields, named) in [
            ("{ id: u64, source: std::io::Error, }", true),
            ("(String, crate::Inner)", false),
        ] {
            let Some(TokenTree::Group(group)) =
                fields.parse::<TokenStream>().unwrap().into_iter().next()
            else {
                panic!("a group");
            };
            let read = super::plain_fields(&group, named).expect(fields);
            assert_eq!(read.len(), 2, "{fields}");
        }
        let Some(TokenTree::Group(group)) = "(Box<Inner>)"
            .parse::<TokenStream>()
            .unwrap()
            .into_iter()
            .next()
        else {
            panic!("a group");
        };
        assert!(super::plain_fields(&group, false).is_none());
    }

    /// Tokens no compiler would hand a derive, which syn refuses: never read here either.
    #[test]
    fn what_syn_refuses_is_not_read_here() {
        for source in [
            "enum E (A)",
            "enum E { A } B",
            "enum E { A; B }",
            "enum E { A { a; u64 } }",
            "enum E { A { a: std:io } }",
            "#[x: \"a\"] enum E { A }",
            "#[x = \"a\" \"b\"] enum E { A }",
        ] {
            let tokens: TokenStream = source.parse().expect("tokens");
            assert!(
                syn::parse2::<syn::DeriveInput>(tokens.clone()).is_err(),
                "{source}"
            );
            assert!(quick(tokens).is_none(), "{source}");
        }
    }

    #[test]
    fn what_is_not_read_here_is_left_to_syn() {
        for source in [
            "enum E<T> { A(T) }",
            "enum E where Self: Sized { A }",
            "pub(crate) enum E { A }",
            "struct E;",
            "struct E {}",
            "struct E { a: u8 }",
            "enum E { A = 1, B }",
            "#[rustfmt::skip] enum E { A }",
            "#[doc = -1] enum E { A }",
            "#[doc = concat!(\"a\", \"b\")] enum E { A }",
            "enum E { #[a::b] A }",
            "union U {}",
            "union U { a: u8 }",
        ] {
            assert!(!read_as_syn_reads(source), "{source}");
        }
    }
}
