//! The wasm suite in Node, against moto and cognito-local on 127.0.0.1.
#![cfg(target_arch = "wasm32")]
mod wasm_suite;
