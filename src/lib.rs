//! Register users in an Amazon Cognito user pool straight from a web page.
//!
//! The crate is a pure core, plain Rust tested natively, and a thin wasm
//! shell (`wasm`, compiled only for `wasm32`) that translates between
//! JavaScript and the core. A call is one [`call::Call`], a sans-IO machine
//! that answers each event with its next step; `js/call.js` drives it for
//! `signUp`, `confirmSignUp` and `resendConfirmationCode`. Data flows one
//! way: JS value → [`request::Request`] → [`checks`] → [`http::HttpRequest`]
//! → `fetch` → [`response`] → [`retry`] → JS value.
//!
//! On wasm32 the crate is `no_std` (with `alloc`), so that the shipped
//! module carries no formatting or panic machinery; see `docs/design.md`. The core names only `alloc` and `core` items either way.
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std")), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod call;
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
pub use wasm::{aborted, answered, check_password, failed, hashed, start, timed_out, waited};
