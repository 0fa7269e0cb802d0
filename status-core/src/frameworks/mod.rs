//! The web frameworks and gRPC: each module adapts the framework's request and response types
//! to what `serve` does once for all of them.

/// `into_inner`, `Deref` and `DerefMut` for the `Json<T>(pub T)` of the framework module at
/// `$module`, as the frameworks' own `Json` have them.
#[cfg(any(
    feature = "axum",
    feature = "actix-web",
    feature = "poem",
    feature = "salvo"
))]
macro_rules! json_value_access {
    ($module:literal) => {
        impl<T> Json<T> {
            /// The value the body held, as `into_inner` of the framework's own `Json` gives it.
            ///
            #[doc = concat!("```\nuse status_core::", $module, "::Json;\n")]
            /// let mut order = Json(vec![1, 2]);
            /// order.push(3); // `Deref` and `DerefMut` reach the value, too.
            /// assert_eq!(order.len(), 3);
            /// assert_eq!(order.into_inner(), [1, 2, 3]);
            /// ```
            pub fn into_inner(self) -> T {
                self.0
            }
        }

        impl<T> ::core::ops::Deref for Json<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> ::core::ops::DerefMut for Json<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }
    };
}

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(any(feature = "poem", feature = "salvo", feature = "warp"))]
mod json_body;
#[cfg(feature = "poem")]
pub mod poem;
#[cfg(feature = "poem")]
mod poem_json;
#[cfg(feature = "rocket")]
pub mod rocket;
#[cfg(feature = "salvo")]
pub mod salvo;
#[cfg(feature = "salvo")]
mod salvo_json;
#[cfg(feature = "tonic")]
pub mod tonic;
#[cfg(feature = "warp")]
pub mod warp;
#[cfg(feature = "warp")]
mod warp_json;
