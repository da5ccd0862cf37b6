//! The Rust API off wasm32, with no server: a refusal is decided before any
//! I/O, exactly as in a browser; the checklist and serde work natively.
//! `tests/server.rs` sends for real.
#![cfg(not(target_arch = "wasm32"))]

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use cognito_signup::types::AttributeType;
use cognito_signup::{check_password, Client, Config, ErrorKind, PasswordPolicy, PolicyRule};

/// Runs a future that never waits (nothing here does I/O).
fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("the call waited"),
    }
}

fn client() -> Client {
    Client::from_conf(Config::builder().region("eu-west-1").build())
}

#[test]
fn bad_input_is_refused_here_as_in_a_browser() {
    let confirm = client()
        .confirm_sign_up()
        .client_id("bad id!")
        .username("alice");
    let error = now(confirm.send()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Refused);
    assert_eq!(error.code(), Some("InvalidParameterException"));
    let fields: Vec<&str> = error.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["ClientId", "ConfirmationCode"]);
    assert!(error
        .to_string()
        .starts_with("InvalidParameterException: 2 problems"));
}

#[test]
fn the_password_checklist_and_serde_work_natively() {
    let policy = PasswordPolicy {
        minimum_length: Some(8),
        require_numbers: true,
        ..PasswordPolicy::default()
    };
    assert_eq!(
        check_password("abc", &policy),
        [PolicyRule::MinimumLength, PolicyRule::RequireNumbers]
    );
    let json = r#"{"MinimumLength":8,"RequireNumbers":true}"#;
    assert_eq!(
        serde_json::from_str::<PasswordPolicy>(json).unwrap(),
        policy
    );
    let attribute = AttributeType::builder()
        .name("email")
        .value("a@b.c")
        .build()
        .unwrap();
    let text = serde_json::to_string(&attribute).unwrap();
    assert_eq!(text, r#"{"Name":"email","Value":"a@b.c"}"#);
}

#[test]
fn debug_output_hides_the_password() {
    let sign_up = client()
        .sign_up()
        .client_id("1example23456789")
        .username("alice")
        .password("Corr3ct-Horse!");
    let shown = format!("{sign_up:?}");
    assert!(!shown.contains("Corr3ct-Horse!"), "{shown}");
}
