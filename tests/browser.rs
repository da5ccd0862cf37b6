//! The wasm suite in headless Chromium, against moto and cognito-local on 127.0.0.1.
#![cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
mod wasm_suite;
