//! What the expansion generates, read as text: the methods it writes and leaves to their
//! defaults, the arms of its matches, and the errors it reports beside a fallback impl.

use quote::quote;

fn expand(input: proc_macro2::TokenStream) -> String {
    crate::expand::derive(&syn::parse2(input).expect("a valid item")).to_string()
}

/// The body of the generated `fn name`, up to the next generated method.
fn method<'a>(expansion: &'a str, name: &str) -> &'a str {
    let start = expansion
        .find(&format!("fn {name} ("))
        .expect("the method is generated");
    let rest = &expansion[start + 3..];
    &expansion[start..start + 3 + rest.find(" fn ").unwrap_or(rest.len())]
}

/// The type's own rows: the `__ROWS` constant beside the impl.
fn rows(expansion: &str) -> &str {
    let start = expansion
        .find("const __ROWS")
        .expect("the rows are generated");
    let rest = &expansion[start..];
    &rest[..rest.find("# [").unwrap_or(rest.len())]
}

#[test]
fn without_a_forward_variant_and_status_index_tables_through_one_match() {
    let expansion = expand(quote! {
        enum ApiError {
            #[status(404)]
            NotFound,
            #[status(503)]
            Down,
            #[status(404)]
            Gone(u64),
            #[status(429)]
            Limited { #[status(retry_after)] wait: u64 },
        }
    });
    assert!(!expansion.contains("compile_error"), "{expansion}");
    // One arm per variant, once, in a method both of them call.
    let row = &expansion[expansion.find("impl __RowIndex").expect("the row index")..];
    let row = &row[..row
        .find("# [automatically_derived]")
        .expect("the impl follows")];
    for arm in [
        "Self :: NotFound { .. } => 0usize",
        "Self :: Down { .. } => 1usize",
        "Self :: Gone { .. } => 2usize",
        "Self :: Limited { .. } => 3usize",
    ] {
        assert!(row.contains(arm), "`{arm}` in {row}");
    }
    let variant = method(&expansion, "variant");
    assert!(
        variant.contains("& __ROWS [__RowIndex :: row_index (self)]"),
        "{variant}"
    );
    // Integers rather than patterns, one arm per status, the last one taking the rest.
    let status = method(&expansion, "status");
    assert!(
        status.contains(
            "match __RowIndex :: row_index (self) { 0usize | 2usize => :: status_core :: __private :: Code :: < 404u16 > :: STATUS , 1usize => :: status_core :: __private :: Code :: < 503u16 > :: STATUS , _ => :: status_core :: __private :: Code :: < 429u16 > :: STATUS , }"
        ),
        "{status}"
    );
    for absent in ["Self", "NotFound", "table", "ROWS"] {
        assert!(!status.contains(absent), "`{absent}` in {status}");
    }

    // A single row needs no match at all.
    let single = expand(quote! {
        #[status(404)]
        struct Missing { id: u64 }
    });
    assert!(!single.contains("row_index"), "{single}");
    assert!(
        method(&single, "variant").contains("& __ROWS [0usize]"),
        "{single}"
    );
    let status = method(&single, "status");
    assert!(
        status.contains("{ :: status_core :: __private :: Code :: < 404u16 > :: STATUS }"),
        "{status}"
    );
    assert!(!status.contains("match"), "{status}");
}

#[test]
fn with_a_forward_variant_status_is_a_plain_match_of_constants() {
    let expansion = expand(quote! {
        enum ApiError {
            #[status(404)]
            NotFound,
            #[status(429)]
            Limited { #[status(retry_after)] wait: u64 },
            #[status(transparent)]
            Inner(Inner),
            #[status(404)]
            Gone(u64),
        }
    });
    let status = method(&expansion, "status");
    assert!(status.contains("match self"), "{status}");
    // One arm per status: each `Code::<N>` costs the compiler a constant of its own.
    assert!(status.contains("Self :: NotFound { .. } | Self :: Gone { .. } => :: status_core :: __private :: Code :: < 404u16 > :: STATUS"), "{status}");
    assert_eq!(status.matches("Code :: < 404u16 >").count(), 1, "{status}");
    assert!(
        status.contains(
            "Self :: Limited { .. } => :: status_core :: __private :: Code :: < 429u16 > :: STATUS"
        ),
        "{status}"
    );
    assert!(
        status.contains(":: status_core :: __private :: ApiStatus :: status (__inner)"),
        "{status}"
    );
    // No table lookup, no search, no allocation on this path.
    for absent in ["table", "iter", "find", "String", "Vec", "format"] {
        assert!(!status.contains(absent), "`{absent}` in {status}");
    }
}

#[test]
fn methods_whose_default_serves_every_variant_are_not_generated() {
    let expansion = expand(quote! {
        enum ApiError {
            #[status(404)]
            NotFound,
            #[status(503)]
            Busy,
        }
    });
    assert!(expansion.contains("impl"), "{expansion}");
    for absent in [
        "compile_error",
        "write_detail",
        "write_extensions",
        "write_headers",
    ] {
        assert!(!expansion.contains(absent), "{absent} in {expansion}");
    }
}

#[test]
fn a_match_that_covers_every_variant_has_no_wildcard_arm() {
    let expansion = expand(quote! {
        enum ApiError {
            #[status(404, message = "no user {id}")]
            NoUser { id: u64 },
            #[status(transparent)]
            Inner(Inner),
        }
    });
    let detail = method(&expansion, "write_detail");
    assert!(!detail.contains("_ =>"), "{detail}");
    let partial = expand(quote! {
        enum ApiError {
            #[status(404, message = "no user {id}")]
            NoUser { id: u64 },
            #[status(503)]
            Busy,
        }
    });
    let detail = method(&partial, "write_detail");
    assert_eq!(detail.matches("_ =>").count(), 1, "{detail}");
}

#[test]
fn problem_types_and_titles_are_emitted_only_where_declared() {
    let plain = expand(quote! {
        enum ApiError {
            #[status(404)]
            NotFound,
            #[status(400, type = "about:blank")]
            Malformed,
        }
    });
    for absent in ["compile_error", ". with_title (", ". with_type_base ("] {
        assert!(!plain.contains(absent), "`{absent}` in {plain}");
    }
    // `about:blank` written out is kept, so that a `type_base` that forwards here keeps it;
    // a row without a type has none.
    assert_eq!(
        rows(&plain)
            .matches(". with_type (\"about:blank\")")
            .count(),
        1,
        "{plain}"
    );
    assert_eq!(rows(&plain).matches(". with_type (").count(), 1, "{plain}");

    let typed = expand(quote! {
        #[status(type_base = "https://api.example.com/problems/")]
        enum ApiError {
            #[status(404)]
            UserNotFound,
            #[status(403, type = "/problems/credit", title = "Out of credit")]
            OutOfCredit,
            #[status(400, type = "about:blank")]
            Malformed,
        }
    });
    assert!(!typed.contains("compile_error"), "{typed}");
    let rows = rows(&typed);
    assert!(
        rows.contains("\"}\") . with_type (\"https://api.example.com/problems/user_not_found\")"),
        "{rows}"
    );
    assert!(
        rows.contains("\"}\") . with_type (\"/problems/credit\") . with_title (\"Out of credit\")"),
        "{rows}"
    );
    assert_eq!(rows.matches(". with_type (").count(), 3, "{rows}");
    assert_eq!(rows.matches(". with_title (").count(), 1, "{rows}");
    // Kept in the row, left out of the body.
    assert!(rows.contains(". with_type (\"about:blank\")"), "{rows}");
    assert!(!rows.contains("\\\"type\\\":\\\"about:blank"), "{rows}");
    let table = method(&typed, "table");
    assert!(
        table.contains(". with_type_base (\"https://api.example.com/problems/\")"),
        "{table}"
    );
}

/// The messages of every `compile_error!` in `expansion`, in order.
fn errors(expansion: &str) -> Vec<&str> {
    expansion
        .split("compile_error ! {")
        .skip(1)
        .filter_map(|rest| rest.split('"').nth(1))
        .collect()
}

#[test]
fn errors_are_reported_in_source_order_whatever_order_the_rules_run_in() {
    // The unknown key is found while reading, the bad status later while checking, and
    // the shared code once every variant is checked: the reverse of the source's order.
    let source = "enum ApiError {\n\
        #[status(404, code = \"gone\")]\n\
        NotFound,\n\
        #[status(600)]\n\
        OutOfRange,\n\
        #[status(404, code = \"gone\")]\n\
        Gone,\n\
        #[status(404, mesage = \"typo\")]\n\
        Typo,\n\
    }";
    let input: syn::DeriveInput = syn::parse_str(source).expect("an enum");
    let expansion = crate::expand::derive(&input).to_string();
    let errors = errors(&expansion);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors[0].starts_with("status 600 "), "{errors:?}");
    assert!(
        errors[1].starts_with("`NotFound` has the code `gone` too"),
        "{errors:?}"
    );
    assert!(errors[2].starts_with("unknown key `mesage`"), "{errors:?}");
}

#[test]
fn a_union_is_refused_with_a_fallback_impl_beside_the_error() {
    let expansion = expand(quote! {
        #[status(400, crate = "::my_api::status_core")]
        union Bits { int: u32, float: f32 }
    });
    assert_eq!(errors(&expansion).len(), 1, "{expansion}");
    assert!(
        expansion.contains("impl :: my_api :: status_core :: __private :: ApiStatus for Bits"),
        "{expansion}"
    );
}

#[test]
fn errors_come_with_a_fallback_impl_and_never_a_panic() {
    let expansion = expand(quote! {
        enum ApiError {
            #[status(600, mesage = "x")]
            Bad,
        }
    });
    assert!(expansion.contains("compile_error"), "{expansion}");
    assert!(
        expansion.contains("impl :: status_core :: __private :: ApiStatus for ApiError"),
        "{expansion}"
    );
}

#[test]
fn a_type_with_a_type_base_types_the_rows_it_forwards_to_in_the_library() {
    let expansion = expand(quote! {
        #[status(type_base = "/problems/")]
        enum ApiError {
            #[status(404)]
            NotFound,
            #[status(transparent)]
            Auth(AuthError),
        }
    });
    assert!(!expansion.contains("compile_error"), "{expansion}");
    // The row and the static body of the field, retyped under the base by status-core.
    let variant = method(&expansion, "variant");
    assert!(
        variant.contains("return :: status_core :: __private :: VariantInfo :: under_type_base (:: status_core :: __private :: ApiStatus :: variant (__inner) , \"/problems/\")"),
        "{variant}"
    );
    let body = method(&expansion, "static_body");
    assert!(
        body.contains(":: status_core :: __private :: static_body_under (:: status_core :: __private :: ApiStatus :: static_body (__inner) , :: status_core :: __private :: ApiStatus :: variant (__inner) , \"/problems/\" ,)"),
        "{body}"
    );
    // No check of the forwarded type is left: any type's rows can be typed so.
    assert!(!expansion.contains("ProblemTypes"), "{expansion}");
    assert_eq!(
        expansion.matches("const _ : () =").count(),
        1,
        "{expansion}"
    );

    // Without a base, the field's row and body as they are.
    let untyped = expand(quote! {
        enum ApiError {
            #[status(transparent)]
            Auth(AuthError),
            #[status(404)]
            NotFound,
        }
    });
    assert!(!untyped.contains("under_type_base"), "{untyped}");
    assert!(
        method(&untyped, "variant")
            .contains("return :: status_core :: __private :: ApiStatus :: variant (__inner)"),
        "{untyped}"
    );
    assert!(
        method(&untyped, "static_body")
            .contains(":: status_core :: __private :: ApiStatus :: static_body (__inner)"),
        "{untyped}"
    );
}

#[test]
fn a_forward_variant_writes_its_own_detail_unless_the_forwarded_status_is_a_5xx() {
    let expansion = expand(quote! {
        enum AppError {
            #[status(message = "could not create archive {0}")]
            Archive(String, #[status(forward)] Box<RuntimeError>),
            #[status(message = "could not share {0}", expose)]
            Share(String, #[status(forward)] Box<RuntimeError>),
            Plain(#[status(forward)] RuntimeError),
            #[status(404)]
            NotFound,
        }
    });
    assert!(!expansion.contains("compile_error"), "{expansion}");
    // No row of their own: the one row is `NotFound`'s, and they link to the field's table.
    assert!(rows(&expansion).contains("\"NotFound\""), "{expansion}");
    assert!(!rows(&expansion).contains("\"Archive\""), "{expansion}");
    assert!(
        method(&expansion, "table").contains(
            "TransparentInfo :: new (\"Archive\" , < Box < RuntimeError > as :: status_core :: __private :: ApiStatus > :: table)"
        ),
        "{expansion}"
    );
    let detail = method(&expansion, "write_detail");
    assert!(
        detail.contains("Self :: Archive { 0 : __field_0 , 1 : __field_1 , .. } => if :: status_core :: __private :: ApiStatus :: status (__field_1) . is_server_error () { :: status_core :: __private :: ApiStatus :: write_detail (__field_1 , __out) }"),
        "{detail}"
    );
    // `expose`: its own detail whatever the status; no message: the field's.
    assert!(
        detail.contains("Self :: Share { 0 : __field_0 , .. } =>"),
        "{detail}"
    );
    assert!(
        detail.contains("Self :: Plain { 0 : __field_0 , .. } => { let __inner = __field_0 ; :: status_core :: __private :: ApiStatus :: write_detail (__inner , __out) }"),
        "{detail}"
    );
    // The row's static body is the field's: a variant with a detail of its own has none.
    let body = method(&expansion, "static_body");
    assert!(
        body.contains("Self :: Archive { .. } => :: core :: option :: Option :: None"),
        "{body}"
    );
    assert!(
        body.contains(":: status_core :: __private :: ApiStatus :: static_body (__inner)"),
        "{body}"
    );

    // A type that forwards asks the field, whose body need not be its row's; a type that
    // does not keeps the trait's default, the row's.
    let plain = expand(quote! {
        enum AppError {
            Plain(#[status(forward)] RuntimeError),
        }
    });
    assert!(
        method(&plain, "static_body")
            .contains(":: status_core :: __private :: ApiStatus :: static_body (__inner)"),
        "{plain}"
    );
    let own = expand(quote! {
        enum AppError {
            #[status(404)]
            NotFound,
        }
    });
    assert!(!own.contains("fn static_body"), "{own}");
}
