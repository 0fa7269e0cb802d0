//! The `__impl_*` macros: the seam between the derive and the framework integrations. The
//! derive's generated code calls `impl_frameworks!` (`__private::impl_frameworks`) for every
//! type; which impls it expands to is decided here, by this crate's features, so the derive
//! never has to know. The integration modules (`axum.rs`, `rocket.rs`, ...) hold the code the
//! impls call; rocket, poem, poem-openapi, salvo, salvo-oapi and warp define their own macro
//! there when their feature is on, and this file holds the empty one used when it is off.

/// Implements the enabled frameworks' response traits for a type that implements `ApiStatus`.
/// `keep` says whether its responses' records keep the value (`keep`: a type without
/// generics) or only its variant (`row`); `members` lists each extension member as
/// `(status, "code", "member", FieldType)`, and `forwarded` the field types of transparent
/// variants, for the OpenAPI tools' schemas.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_frameworks {
    (
        [$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]
        [$($grpc_where_clause:tt)*] [$($members:tt)*] [$($forwarded:tt)*]
    ) => {
        $crate::__impl_axum! { [$keep] [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__impl_actix_web! { [$keep] [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__impl_utoipa! {
            [$($impl_generics)*] [$($ty)*] [$($where_clause)*] [$($members)*] [$($forwarded)*]
        }
        $crate::__impl_aide! {
            [$($impl_generics)*] [$($ty)*] [$($where_clause)*] [$($members)*] [$($forwarded)*]
        }
        $crate::__impl_tonic! { [$($impl_generics)*] [$($ty)*] [$($grpc_where_clause)*] }
        $crate::__impl_rocket! { [$keep] [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__impl_poem! { [$keep] [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__impl_poem_openapi! {
            [$($impl_generics)*] [$($ty)*] [$($where_clause)*] [$($members)*] [$($forwarded)*]
        }
        $crate::__impl_salvo! { [$keep] [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__impl_warp! { [$keep] [$($impl_generics)*] [$($ty)*] [$($where_clause)*] }
        $crate::__impl_salvo_oapi! {
            [$($impl_generics)*] [$($ty)*] [$($where_clause)*] [$($members)*] [$($forwarded)*]
        }
    };
}

/// The record ([`Served`](crate::Served)) of a value its response carries: `keep` keeps the
/// value where its type allows (autoref picks how), `row` keeps its variant alone.
#[doc(hidden)]
#[macro_export]
macro_rules! __served {
    // `$value` is a binding (`self`, `__value`): read once for its type, then taken.
    (keep, $value:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::capture::{ViaError as _, ViaRow as _, ViaValue as _};
        let __keeper = (&&&$crate::__private::capture::Capture::of(&$value)).keeper();
        __keeper($value)
    }};
    (row, $value:expr) => {
        $crate::__private::capture::row(&$value)
    };
}

/// Logs a value once, as it becomes a response, at the level the [`LogPolicy`] gives its
/// status: with its `source()` chain if it is an error, else its `Debug`, else its code
/// (autoref picks the most informative that applies).
///
/// [`LogPolicy`]: crate::LogPolicy
#[cfg(feature = "tracing")]
#[doc(hidden)]
#[macro_export]
macro_rules! __log_error {
    ($value:expr) => {
        $crate::__log_error!(@ $value, ::core::option::Option::None)
    };
    ($value:expr, $method:expr, $path:expr) => {
        $crate::__log_error!(@ $value, ::core::option::Option::Some(($method, $path)))
    };
    (@ $value:expr, $request:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::log::{ViaCode as _, ViaDebug as _, ViaError as _};
        (&&&$crate::__private::log::Loggable($value, $request)).log_error();
    }};
}

#[cfg(not(feature = "tracing"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __log_error {
    ($value:expr) => {};
    // The request stays used, so a `Responder` that is handed it compiles without warnings.
    ($value:expr, $method:expr, $path:expr) => {{
        let _ = ($method, $path);
    }};
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::axum::response::IntoResponse for $($ty)* $($where_clause)* {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::__log_error!(&self);
                $crate::__private::with_served(
                    $crate::__private::axum_response(&self),
                    $crate::__served!($keep, self),
                )
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($($tokens:tt)*) => {};
}

// A `From` impl rather than `ResponseError`: that trait needs `Debug + Display`, and a
// feature turned on anywhere in the build must not add requirements to every derived type.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ([$keep:ident] [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private::actix_web::Error $($where_clause)* {
            fn from(__value: $($ty)*) -> Self {
                $crate::__log_error!(&__value);
                $crate::__private::actix_web::Error::from(
                    $crate::actix::ProblemError::new(&__value)
                        .with_served($crate::__served!($keep, __value)),
                )
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_actix_web {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]
        [$(($status:literal, $code:literal, $member:literal, $field:ty)),*] [$($forwarded:ty),*]
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::utoipa::IntoResponses for $($ty)* $($where_clause)* {
            fn responses() -> $crate::__private::UtoipaResponses {
                $crate::utoipa::typed_responses::<Self>()
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* $crate::utoipa::ExtensionSchemas for $($ty)* $($where_clause)* {
            #[allow(unused_variables)]
            fn extension_schemas(__members: &mut $crate::__private::TypedMembers) {
                #[allow(unused_imports)]
                use $crate::__private::{NoToSchema as _, NoUtoipaMembers as _, ViaToSchema as _, ViaUtoipaMembers as _};
                $(
                    __members.push(
                        $status,
                        $code,
                        $member,
                        (&&$crate::__private::SchemaProbe::<$field>::new()).utoipa_schema(),
                    );
                )*
                $(
                    (&&$crate::__private::SchemaProbe::<$forwarded>::new()).utoipa_members(__members);
                )*
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($tokens:tt)*) => {};
}

#[cfg(feature = "aide")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    (
        [$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]
        [$(($status:literal, $code:literal, $member:literal, $field:ty)),*] [$($forwarded:ty),*]
    ) => {
        #[automatically_derived]
        impl $($impl_generics)* $crate::__private::aide::OperationOutput for $($ty)* $($where_clause)* {
            type Inner = Self;

            fn operation_response(
                __ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> ::core::option::Option<$crate::__private::aide::openapi::Response> {
                $crate::aide::typed_single_response::<Self>(__ctx)
            }

            fn inferred_responses(
                __ctx: &mut $crate::__private::aide::generate::GenContext,
                _: &mut $crate::__private::aide::openapi::Operation,
            ) -> $crate::__private::AideResponses {
                $crate::aide::typed_inferred_responses::<Self>(__ctx)
            }
        }

        #[automatically_derived]
        impl $($impl_generics)* $crate::aide::ExtensionSchemas for $($ty)* $($where_clause)* {
            #[allow(unused_variables)]
            fn extension_schemas(
                __generator: &mut $crate::__private::SchemaGenerator,
                __members: &mut $crate::__private::TypedMembers,
            ) {
                #[allow(unused_imports)]
                use $crate::__private::{NoAideMembers as _, NoJsonSchema as _, ViaAideMembers as _, ViaJsonSchema as _};
                $(
                    __members.push(
                        $status,
                        $code,
                        $member,
                        (&&$crate::__private::SchemaProbe::<$field>::new()).json_schema(__generator),
                    );
                )*
                $(
                    (&&$crate::__private::SchemaProbe::<$forwarded>::new())
                        .aide_members(__generator, __members);
                )*
            }
        }
    };
}

#[cfg(not(feature = "aide"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_aide {
    ($($tokens:tt)*) => {};
}

// Bound by `GrpcDomain`, so that a type without `grpc_domain` fails where it is turned into a
// `tonic::Status`, with a note saying what to add, and nowhere else.
#[cfg(feature = "tonic")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ([$($impl_generics:tt)*] [$($ty:tt)*] [$($where_clause:tt)*]) => {
        #[automatically_derived]
        impl $($impl_generics)* ::core::convert::From<$($ty)*> for $crate::__private::tonic::Status $($where_clause)* {
            fn from(__value: $($ty)*) -> Self {
                $crate::__log_error!(&__value);
                $crate::tonic::status(&__value)
            }
        }
    };
}

#[cfg(not(feature = "tonic"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_tonic {
    ($($tokens:tt)*) => {};
}

// rocket, poem and salvo: each module defines its macro when its feature is on.

#[cfg(not(feature = "rocket"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_rocket {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "poem"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "poem-openapi"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_poem_openapi {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "salvo"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_salvo {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "salvo-oapi"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_salvo_oapi {
    ($($tokens:tt)*) => {};
}

#[cfg(not(feature = "warp"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_warp {
    ($($tokens:tt)*) => {};
}
