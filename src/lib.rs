//! Register users in an Amazon Cognito user pool straight from a web page.
//!
//! The crate is a pure core, plain Rust tested natively, and a thin wasm
//! shell (`wasm`, compiled only for `wasm32`) that exports the steps of a
//! call, `prepare`, `settle` and `fail`, and `checkPassword` to JavaScript, where
//! `js/call.js` drives them as `signUp`, `confirmSignUp` and
//! `resendConfirmationCode`. Data flows one way: JS value →
//! [`request::Request`] → [`checks`] → [`http::HttpRequest`] → `fetch` →
//! [`response`] → [`retry`] → JS value.
//!
//! On wasm32 the crate is `no_std` (with `alloc`), so that the shipped
//! module carries no formatting or panic machinery; see the README's design
//! notes. The core names only `alloc` and `core` items either way.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod checks;
pub mod config;
pub mod endpoint;
pub mod error;
pub mod http;
mod json;
pub mod operation;
pub mod password_policy;
pub mod request;
pub mod response;
pub mod retry;
pub mod secret_hash;
mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;
#[cfg(target_arch = "wasm32")]
pub use wasm::{check_password, fail, prepare, settle};
