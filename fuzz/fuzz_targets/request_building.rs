//! Any strings build a request whose JSON reads back to them, and the
//! checks and the endpoint resolution never panic on them.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use cognito_signup::checks::check;
use cognito_signup::endpoint::{check_custom, resolve};
use cognito_signup::operation::Operation;
use cognito_signup::request::{Attribute, Request};
use common::RegexMatcher;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parts: Vec<&str> = text.split('\u{1}').collect();
    let part = |i: usize| parts.get(i).map(|s| s.to_string());
    let request = Request {
        client_id: part(0),
        username: part(1),
        password: part(2),
        user_attributes: part(3).map(|name| {
            vec![Attribute {
                name,
                value: part(4),
            }]
        }),
        client_metadata: part(5).map(|k| vec![(k, part(6).unwrap_or_default())]),
        auth_flow: part(7),
        auth_parameters: part(8).map(|k| vec![(k, part(9).unwrap_or_default())]),
        ..Request::default()
    };
    let body: serde_json::Value = serde_json::from_str(&request.to_json()).expect("valid JSON");
    assert_eq!(
        body.get("Username").and_then(|v| v.as_str()),
        request.username.as_deref()
    );
    assert_eq!(
        body.get("Password").and_then(|v| v.as_str()),
        request.password.as_deref()
    );
    assert_eq!(
        body.get("AuthFlow").and_then(|v| v.as_str()),
        request.auth_flow.as_deref()
    );
    for op in [
        Operation::SignUp,
        Operation::ConfirmSignUp,
        Operation::ResendConfirmationCode,
        Operation::InitiateAuth,
    ] {
        let _ = check(op, &request, None, &RegexMatcher);
    }
    let _ = resolve(
        &text,
        data.first().is_some_and(|b| b & 1 == 1),
        data.first().is_some_and(|b| b & 2 == 2),
    );
    let _ = check_custom(&text);
});
