//! The Rust API (`cognito_signup::Client`) against moto and cognito-local,
//! and against the fault server (`faults.mjs`) for retries and timeouts.
use std::time::Duration;

use cognito_signup::types::{AttributeType, AuthFlowType};
use cognito_signup::{Client, Config, ErrorKind, FluentBuilder, SignUp};
use wasm_bindgen_test::wasm_bindgen_test;

use super::{
    admin_get_user, text, unique, CL, CL_CLIENT, CL_CODE, CL_POOL, MOTO, MOTO_CLIENT, MOTO_POOL,
};
use super::{MOTO_SECRET, MOTO_SECRET_CLIENT, PASSWORD};

pub const FAULTS: &str = emulator!("FAULTS_ENDPOINT");

fn client(endpoint: &str) -> Client {
    Client::from_conf(Config::builder().endpoint_url(endpoint).build())
}

/// A sign-up of `username` with the password and an email, ready to send.
fn sign_up(client: &Client, client_id: &str, username: &str) -> FluentBuilder<SignUp> {
    client
        .sign_up()
        .client_id(client_id)
        .username(username)
        .password(PASSWORD)
        .user_attributes(email(username))
}

fn email(username: &str) -> AttributeType {
    let address = format!("{username}@example.com");
    AttributeType::builder()
        .name("email")
        .value(address)
        .build()
        .unwrap()
}

/// The README's example, with the endpoint set to cognito-local: sign up,
/// confirm with the emailed code, and resend (which cognito-local does not
/// implement: it answers 500, retried, then typed).
#[wasm_bindgen_test]
async fn the_readme_example_runs_against_cognito_local() {
    let username = unique("ana");
    let client = client(CL);
    let out = client
        .sign_up()
        .client_id(CL_CLIENT)
        .username(&username)
        .password(PASSWORD)
        .user_attributes(email(&username))
        .user_attributes(
            AttributeType::builder()
                .name("custom:city")
                .value("Oslo")
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(out.user_sub().len(), 36, "a UUID");
    assert!(!out.user_confirmed());
    assert_eq!(out.attempts(), 1);
    let delivery = out.code_delivery_details().unwrap();
    assert_eq!(
        delivery.destination(),
        Some(format!("{username}@example.com").as_str())
    );
    let confirm = |code: &str| {
        client
            .confirm_sign_up()
            .client_id(CL_CLIENT)
            .username(&username)
            .confirmation_code(code)
            .send()
    };
    let wrong = confirm("000000").await.unwrap_err();
    assert_eq!(wrong.code(), Some("CodeMismatchException"));
    assert_eq!(wrong.kind(), ErrorKind::Service);
    confirm(CL_CODE).await.unwrap();
    let user = admin_get_user(CL, CL_POOL, &username).await;
    assert_eq!(text(&user, "UserStatus"), "CONFIRMED");
    let resend = client
        .resend_confirmation_code()
        .client_id(CL_CLIENT)
        .username(&username)
        .send()
        .await;
    let error = resend.unwrap_err();
    assert_eq!(error.code(), Some("Unsupported"), "cognito-local's answer");
    assert_eq!(error.attempts(), 3, "a 500 is retried");
}

#[wasm_bindgen_test]
async fn a_taken_username_and_a_weak_password_are_typed_on_moto() {
    let username = unique("ben");
    let sign_up = |password: &str| {
        client(MOTO)
            .sign_up()
            .client_id(MOTO_CLIENT)
            .username(&username)
            .password(password)
            .user_attributes(email(&username))
            .send()
    };
    let weak = sign_up("weakpass").await.unwrap_err();
    assert_eq!(weak.code(), Some("InvalidPasswordException"));
    assert_eq!(weak.attempts(), 1);
    let out = sign_up(PASSWORD).await.unwrap();
    if !super::is_browser() {
        assert!(out.request_id().is_some(), "moto sends x-amzn-requestid");
    }
    let taken = sign_up(PASSWORD).await.unwrap_err();
    assert_eq!(taken.code(), Some("UsernameExistsException"));
    assert_eq!(taken.kind(), ErrorKind::Service);
    assert!(!taken.earlier_attempt_may_have_succeeded());
    let shown = format!("{taken} {taken:?} {weak} {weak:?}");
    assert!(
        !shown.contains(PASSWORD) && !shown.contains("weakpass"),
        "{shown}"
    );
}

#[wasm_bindgen_test]
async fn a_refusal_lists_every_problem_and_sends_nothing() {
    let username = unique("has space");
    let config = Config::builder().endpoint_url(MOTO).max_attempts(0).build();
    let error = Client::from_conf(config)
        .sign_up()
        .client_id(MOTO_CLIENT)
        .username(&username)
        .password("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Refused);
    assert_eq!(error.code(), Some("InvalidParameterException"));
    assert_eq!(error.field(), Some("max_attempts"));
    assert_eq!(error.attempts(), 0);
    let fields: Vec<&str> = error.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["max_attempts", "Username"], "{}", error.message());
    let user = admin_get_user(MOTO, MOTO_POOL, &username).await;
    assert_eq!(text(&user, "__type"), "UserNotFoundException");
    let unnamed = AttributeType::builder().value("v").build().unwrap_err();
    assert_eq!(unnamed.field(), Some("AttributeType.Name"));
}

#[wasm_bindgen_test]
async fn a_5xx_from_the_fault_server_is_retried_and_the_user_created_once() {
    let username = unique("cleo");
    let endpoint = format!("{FAULTS}/flaky/{username}");
    let out = sign_up(&client(&endpoint), MOTO_CLIENT, &username)
        .send()
        .await
        .unwrap();
    assert_eq!(out.attempts(), 2, "a 503, then moto's answer");
    let user = admin_get_user(MOTO, MOTO_POOL, &username).await;
    assert_eq!(text(&user, "UserStatus"), "UNCONFIRMED");
}

#[wasm_bindgen_test]
async fn each_attempt_is_bounded_by_the_timeout() {
    let config = Config::builder()
        .endpoint_url(format!("{FAULTS}/slow/{}", unique("t")))
        .timeout(Duration::from_millis(200))
        .max_attempts(2)
        .build();
    let error = Client::from_conf(config)
        .confirm_sign_up()
        .client_id(MOTO_CLIENT)
        .username("dora")
        .confirmation_code("123456")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_eq!(error.code(), None);
    assert_eq!(error.attempts(), 2);
}

#[wasm_bindgen_test]
async fn a_client_secret_signs_up_with_a_secret_hash_from_webcrypto() {
    let username = unique("eve");
    let config = Config::builder()
        .endpoint_url(MOTO)
        .client_secret(MOTO_SECRET)
        .build();
    let out = sign_up(&Client::from_conf(config), MOTO_SECRET_CLIENT, &username)
        .send()
        .await
        .unwrap();
    assert_eq!(out.user_sub().len(), 36);
}

/// Sign-up, confirmation and sign-in with the password on cognito-local,
/// through the Rust API on wasm32 (gloo-net's `fetch`).
#[wasm_bindgen_test]
async fn the_rust_api_signs_in_with_the_password_after_confirming() {
    let username = unique("sid");
    let client = client(CL);
    let up = sign_up(&client, CL_CLIENT, &username).send().await.unwrap();
    let confirm = client
        .confirm_sign_up()
        .client_id(CL_CLIENT)
        .username(&username);
    confirm.confirmation_code(CL_CODE).send().await.unwrap();
    let out = client
        .initiate_auth()
        .client_id(CL_CLIENT)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", &username)
        .auth_parameters("PASSWORD", PASSWORD)
        .send()
        .await
        .unwrap();
    let id_token = out.authentication_result().unwrap().id_token().unwrap();
    let payload = id_token.split('.').nth(1).unwrap();
    let claims = String::from_utf8(base64url(payload)).unwrap();
    assert!(
        claims.contains(&format!(r#""sub":"{}""#, up.user_sub())),
        "{claims}"
    );
    assert!(!format!("{out:?}").contains(id_token));
    let refused = client
        .initiate_auth()
        .client_id(CL_CLIENT)
        .auth_flow(AuthFlowType::CustomAuth)
        .auth_parameters("USERNAME", &username)
        .send()
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Refused);
    assert_eq!(refused.attempts(), 0);
}

/// Base64url without padding, decoded (the JWT's payload).
fn base64url(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let (mut bits, mut count, mut out) = (0u32, 0, Vec::new());
    for c in text.bytes() {
        bits = bits << 6 | ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}
