//! Register users in an Amazon Cognito user pool straight from a web page:
//! SignUp, ConfirmSignUp, ResendConfirmationCode and InitiateAuth (signed in
//! when they confirm), with the input checked against Cognito's service model
//! before anything is sent.
//!
//! # From Rust
//!
//! For Rust web apps on wasm32 (Leptos, Yew, Dioxus), and for servers and
//! tools, with the shape of `aws-sdk-cognitoidentityprovider`:
//!
//! ```no_run
//! use cognito_signup::{Client, Config, types::{AttributeType, AuthFlowType}};
//! # async fn example() -> Result<(), cognito_signup::Error> {
//!
//! let client = Client::from_conf(Config::builder().region("eu-west-1").build());
//! let out = client
//!     .sign_up()
//!     .client_id("1example23456789")
//!     .username("alice")
//!     .password("Corr3ct-Horse!")
//!     .user_attributes(AttributeType::builder().name("email").value("alice@example.com").build()?)
//!     .user_attributes(AttributeType::builder().name("custom:city").value("Oslo").build()?)
//!     .send()
//!     .await?;
//! println!("{} confirmed={}", out.user_sub(), out.user_confirmed());
//!
//! client.confirm_sign_up().client_id("1example23456789").username("alice").confirmation_code("123456").send().await?;
//! client.resend_confirmation_code().client_id("1example23456789").username("alice").send().await?;
//!
//! // Signed in once confirmed: with ConfirmSignUp's session (AuthFlowType::UserAuth) where
//! // the pool gives one, else (feature `srp`: `client.sign_in()`) SRP, or the password flow:
//! let signed_in = client
//!     .initiate_auth()
//!     .client_id("1example23456789")
//!     .auth_flow(AuthFlowType::UserPasswordAuth)
//!     .auth_parameters("USERNAME", "alice")
//!     .auth_parameters("PASSWORD", "Corr3ct-Horse!")
//!     .send()
//!     .await?;
//! let id_token = signed_in.authentication_result().and_then(|tokens| tokens.id_token());
//! # let _ = id_token;
//! # Ok(())
//! # }
//! ```
//!
//! On wasm32, [`Client`] sends with gloo-net (the global `fetch`: pages,
//! workers and Node), waits with gloo-timers and computes a SecretHash with
//! WebCrypto. Everywhere else it sends with reqwest over rustls on tokio (a
//! Tokio runtime must be running), waits with tokio's timer and computes a
//! SecretHash with RustCrypto's HMAC-SHA256: that is where a confidential
//! client's [`ConfigBuilder::client_secret`] belongs. Dropping the future of
//! `send()` cancels the call, closing the request in flight;
//! [`ConfigBuilder::timeout`] bounds each attempt. Every failure is one
//! [`Error`]: [`Error::code`] is the Cognito exception name, as the SDK's
//! `ProvideErrorMetadata::code()` gives it, and [`Error::kind`] says what
//! kind of failure it is. [`check_password`] lists the unmet rules of a
//! password policy, for a live checklist.
//!
//! # Inside
//!
//! A pure core, plain Rust tested natively, with one call machine
//! ([`call::Call`]: sans-IO, each event answered with its next step) that
//! both doors drive: the Rust API (feature `client`, on by default) and the
//! npm package's wasm shell (feature `npm`, which brings the module's
//! allocator, panic handler and exports, and never reaches a Rust app). Data
//! flows one way: input → [`request::Request`] → [`checks`] →
//! [`http::HttpRequest`] → `fetch` → [`response`] → [`retry`] → output.
//!
//! The npm build is `no_std` (with `alloc`), so that the shipped module
//! carries no formatting or panic machinery; see `docs/design.md`.
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
#[cfg(feature = "srp")]
pub mod sign_in;
#[cfg(feature = "srp")]
pub mod srp;
mod text;

#[cfg(target_arch = "wasm32")]
mod regexp;
#[cfg(all(target_arch = "wasm32", feature = "npm"))]
pub mod wasm;

#[cfg(feature = "client")]
mod client;
#[cfg(all(feature = "srp", feature = "client", not(target_arch = "wasm32")))]
pub use client::SignIn;
#[cfg(feature = "client")]
pub use client::{
    types, AssociateSoftwareToken, ByClient, BySoftwareToken, ByUsername, Client, Config,
    ConfigBuilder, ConfirmSignUp, FluentBuilder, InitiateAuth, Op, Region, ResendConfirmationCode,
    RespondToAuthChallenge, SignUp, VerifySoftwareToken,
};
pub use error::{Error, ErrorKind};
pub use password_policy::{PasswordPolicy, PolicyRule};

/// Every rule of `policy` that `password` does not meet, for a live checklist.
pub fn check_password(password: &str, policy: &PasswordPolicy) -> alloc::vec::Vec<PolicyRule> {
    password_policy::unmet_rules(password, policy)
}
