//! The Rust API off wasm32 (servers and tools), sending for real with
//! reqwest on tokio: against moto, cognito-local and the fault server
//! (`tests/wasm_suite/faults.mjs`) on 127.0.0.1. They need the emulators, so
//! they are ignored by a plain `cargo test`; `scripts/test.sh` starts them
//! and runs `cargo test --test server -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use cognito_signup::types::{AttributeType, AuthFlowType, InitiateAuthOutput};
use cognito_signup::{Client, Config, ErrorKind, FluentBuilder, SignUp};
use serde_json::{json, Value};

const PASSWORD: &str = "Corr3ct-Horse!";

/// A setting of `scripts/emulators.sh start` (or the fault server's URL).
fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is unset: run scripts/test.sh"))
}

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{prefix}{}", nanos % 1_000_000_000_000)
}

fn client(endpoint: &str) -> Client {
    Client::from_conf(Config::builder().endpoint_url(endpoint).build())
}

fn email(username: &str) -> AttributeType {
    let address = format!("{username}@example.com");
    AttributeType::builder()
        .name("email")
        .value(address)
        .build()
        .unwrap()
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

/// One HTTP/1.1 exchange on a fresh connection, by hand (so that the helper
/// shares nothing with the client under test): the answer's body.
fn http(url: &str, method: &str, headers: &str, body: &str) -> String {
    let rest = url.strip_prefix("http://").expect("an http:// URL");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut stream = TcpStream::connect(host).unwrap();
    let head = format!(
        "{method} /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{headers}Content-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        // One chunk is all these small answers take; drop its size line and the terminator.
        let (_, rest) = body.split_once("\r\n").unwrap();
        return rest
            .rsplit_once("\r\n0\r\n")
            .map_or(rest, |(b, _)| b)
            .to_string();
    }
    body.to_string()
}

/// An admin call to an emulator, unsigned as the emulators allow.
fn admin(endpoint: &str, operation: &str, body: Value) -> Value {
    let headers = format!(
        "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: AWSCognitoIdentityProviderService.{operation}\r\n"
    );
    serde_json::from_str(&http(
        &format!("{endpoint}/"),
        "POST",
        &headers,
        &body.to_string(),
    ))
    .unwrap()
}

/// The user's status on an emulator, or the exception that says there is none.
fn user_status(endpoint: &str, pool: &str, username: &str) -> String {
    let user = admin(
        endpoint,
        "AdminGetUser",
        json!({ "UserPoolId": pool, "Username": username }),
    );
    let status = user.get("UserStatus").or_else(|| user.get("__type"));
    status
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

/// The fault server's log entries whose path is `path`.
fn logged(path: &str) -> Vec<Value> {
    let log: Value = serde_json::from_str(&http(
        &format!("{}/log", env("FAULTS_ENDPOINT")),
        "GET",
        "",
        "",
    ))
    .unwrap();
    let entries = log.as_array().unwrap().iter();
    entries
        .filter(|entry| entry["path"] == path)
        .cloned()
        .collect()
}

/// Asserts that no error text shows a secret.
fn assert_hides(error: &cognito_signup::Error, secrets: &[&str]) {
    let shown = format!("{error} {error:?}");
    for secret in secrets {
        assert!(!shown.contains(secret), "{shown}");
    }
}

/// The README's example, with the endpoint set to cognito-local: sign up,
/// a wrong code then the emailed one, and resend (which cognito-local does
/// not implement: it answers 500, retried, then typed).
#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn the_readme_example_runs_against_cognito_local() {
    let (endpoint, client_id) = (env("CL_ENDPOINT"), env("CL_CLIENT_ID"));
    let username = unique("ana");
    let client = client(&endpoint);
    let city = AttributeType::builder().name("custom:city").value("Oslo");
    let out = sign_up(&client, &client_id, &username)
        .user_attributes(city.build().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(out.user_sub().len(), 36, "a UUID");
    assert!(!out.user_confirmed());
    assert_eq!(out.attempts(), 1);
    let delivery = out.code_delivery_details().unwrap();
    let address = format!("{username}@example.com");
    assert_eq!(delivery.destination(), Some(address.as_str()));
    let confirm = |code: &str| {
        client
            .confirm_sign_up()
            .client_id(&client_id)
            .username(&username)
            .confirmation_code(code)
            .send()
    };
    let wrong = confirm("000000").await.unwrap_err();
    assert_eq!(wrong.code(), Some("CodeMismatchException"));
    assert_eq!(wrong.kind(), ErrorKind::Service);
    assert_eq!(
        user_status(&endpoint, &env("CL_POOL_ID"), &username),
        "UNCONFIRMED"
    );
    confirm(&env("CL_CODE")).await.unwrap();
    assert_eq!(
        user_status(&endpoint, &env("CL_POOL_ID"), &username),
        "CONFIRMED"
    );
    let resend = client
        .resend_confirmation_code()
        .client_id(&client_id)
        .username(&username);
    let error = resend.send().await.unwrap_err();
    assert_eq!(error.code(), Some("Unsupported"), "cognito-local's answer");
    assert_eq!(error.attempts(), 3, "a 500 is retried");
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn a_weak_password_and_a_taken_username_are_typed_on_moto() {
    let username = unique("ben");
    let client = client(&env("MOTO_ENDPOINT"));
    let client_id = env("MOTO_CLIENT_ID");
    let sign_up = |password: &str| {
        client
            .sign_up()
            .client_id(&client_id)
            .username(&username)
            .password(password)
            .user_attributes(email(&username))
            .send()
    };
    let weak = sign_up("weakpass").await.unwrap_err();
    assert_eq!(weak.code(), Some("InvalidPasswordException"));
    assert_eq!(weak.kind(), ErrorKind::Service);
    assert_eq!(weak.attempts(), 1);
    let out = sign_up(PASSWORD).await.unwrap();
    assert!(out.request_id().is_some(), "moto sends x-amzn-requestid");
    let taken = sign_up(PASSWORD).await.unwrap_err();
    assert_eq!(taken.code(), Some("UsernameExistsException"));
    assert!(!taken.earlier_attempt_may_have_succeeded());
    assert_hides(&taken, &[PASSWORD]);
    assert_hides(&weak, &["weakpass"]);
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn a_refusal_lists_every_problem_and_sends_nothing() {
    let username = unique("has space");
    let path = format!("/flaky/{}", unique("refused"));
    let endpoint = format!("{}{path}", env("FAULTS_ENDPOINT"));
    let config = Config::builder().endpoint_url(endpoint).max_attempts(0);
    let error = Client::from_conf(config.build())
        .sign_up()
        .client_id(env("MOTO_CLIENT_ID"))
        .username(&username)
        .password("x")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Refused);
    assert_eq!(error.code(), Some("InvalidParameterException"));
    assert_eq!(error.attempts(), 0);
    let fields: Vec<&str> = error.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["max_attempts", "Username"], "{}", error.message());
    assert!(logged(&path).is_empty(), "the fault server saw no request");
    let status = user_status(&env("MOTO_ENDPOINT"), &env("MOTO_POOL_ID"), &username);
    assert_eq!(status, "UserNotFoundException");
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn a_503_is_retried_and_the_user_created_once() {
    let username = unique("cleo");
    let path = format!("/flaky/{username}");
    let client = client(&format!("{}{path}", env("FAULTS_ENDPOINT")));
    let out = sign_up(&client, &env("MOTO_CLIENT_ID"), &username)
        .send()
        .await
        .unwrap();
    assert_eq!(out.attempts(), 2, "a 503, then moto's answer");
    assert_eq!(logged(&path).len(), 2);
    let status = user_status(&env("MOTO_ENDPOINT"), &env("MOTO_POOL_ID"), &username);
    assert_eq!(status, "UNCONFIRMED");
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn each_attempt_is_bounded_by_the_timeout() {
    let path = format!("/slow/{}", unique("t"));
    let config = Config::builder()
        .endpoint_url(format!("{}{path}", env("FAULTS_ENDPOINT")))
        .timeout(Duration::from_millis(200))
        .max_attempts(2)
        .build();
    let started = Instant::now();
    let error = Client::from_conf(config)
        .confirm_sign_up()
        .client_id(env("MOTO_CLIENT_ID"))
        .username("dora")
        .confirmation_code("123456")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_eq!(error.code(), None);
    assert_eq!(error.attempts(), 2);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(logged(&path).len(), 2, "both attempts reached the server");
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn a_client_secret_sends_the_secret_hash_computed_independently() {
    let (secret, client_id) = (env("MOTO_CLIENT_SECRET"), env("MOTO_SECRET_CLIENT_ID"));
    let username = unique("eve");
    let path = format!("/pass/{username}");
    let config = Config::builder()
        .endpoint_url(format!("{}{path}", env("FAULTS_ENDPOINT")))
        .client_secret(&secret)
        .build();
    assert!(!format!("{config:?}").contains(&secret));
    let out = sign_up(&Client::from_conf(config), &client_id, &username)
        .send()
        .await
        .unwrap();
    assert_eq!(out.user_sub().len(), 36);
    // Python's hmac, not the crate's: Base64(HMAC-SHA256(secret, username + client id)).
    let script = "import base64,hashlib,hmac,sys; \
        print(base64.b64encode(hmac.new(sys.argv[1].encode(), (sys.argv[2] + sys.argv[3]).encode(), hashlib.sha256).digest()).decode())";
    let python = Command::new("python3")
        .args(["-c", script, &secret, &username, &client_id])
        .output()
        .unwrap();
    let expected = String::from_utf8(python.stdout).unwrap().trim().to_string();
    assert_eq!(expected.len(), 44);
    let sent = logged(&path);
    let body: Value = serde_json::from_str(sent[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body["SecretHash"],
        expected.as_str(),
        "the SecretHash on the wire"
    );
    assert_eq!(body["ClientId"], client_id.as_str());
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn dropping_the_future_closes_the_request_in_flight() {
    let path = format!("/slow/{}", unique("drop"));
    let client = client(&format!("{}{path}", env("FAULTS_ENDPOINT")));
    let send = sign_up(&client, &env("MOTO_CLIENT_ID"), &unique("finn")).send();
    let outcome = tokio::time::timeout(Duration::from_millis(300), send).await;
    assert!(outcome.is_err(), "the call was still waiting when dropped");
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let entries = logged(&path);
        assert_eq!(entries.len(), 1, "one request was sent");
        if entries[0]["closed"] == true {
            break;
        }
        assert!(Instant::now() < deadline, "the connection stayed open");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn a_closed_port_is_a_network_error_after_every_attempt() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let error = sign_up(&client(&endpoint), &env("MOTO_CLIENT_ID"), &unique("gus"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Network);
    assert_eq!(error.attempts(), 3);
    assert!(error.message().contains("Connection refused"), "{error}");
    assert_hides(&error, &[PASSWORD]);
}

/// The `sub` claim of a JWT, read by Python (not by the crate).
fn sub_of(jwt: &str) -> String {
    let script = "import base64,json,sys; p=sys.argv[1].split('.')[1]; \
        print(json.loads(base64.urlsafe_b64decode(p + '=' * (-len(p) % 4)))['sub'])";
    let python = Command::new("python3")
        .args(["-c", script, jwt])
        .output()
        .unwrap();
    String::from_utf8(python.stdout).unwrap().trim().to_string()
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn signed_in_with_the_password_after_confirming_on_moto_and_cognito_local() {
    for server in ["MOTO", "CL"] {
        let (endpoint, client_id) = (
            env(&format!("{server}_ENDPOINT")),
            env(&format!("{server}_CLIENT_ID")),
        );
        let username = unique("sam");
        let client = client(&endpoint);
        let up = sign_up(&client, &client_id, &username)
            .send()
            .await
            .unwrap();
        if server == "MOTO" {
            // moto sends no code: an admin confirms.
            admin(
                &endpoint,
                "AdminConfirmSignUp",
                json!({ "UserPoolId": env("MOTO_POOL_ID"), "Username": username }),
            );
        } else {
            let confirm = client
                .confirm_sign_up()
                .client_id(&client_id)
                .username(&username);
            confirm
                .confirmation_code(env("CL_CODE"))
                .send()
                .await
                .unwrap();
        }
        let sign_in = |password: &str| {
            client
                .initiate_auth()
                .client_id(&client_id)
                .auth_flow(AuthFlowType::UserPasswordAuth)
                .auth_parameters("USERNAME", &username)
                .auth_parameters("PASSWORD", password)
                .send()
        };
        let out = sign_in(PASSWORD).await.unwrap();
        assert_eq!(out.attempts(), 1, "{server}");
        assert!(out.challenge_name().is_none());
        let tokens = out.authentication_result().expect("the tokens");
        let id_token = tokens.id_token().unwrap();
        assert_eq!(
            sub_of(id_token),
            up.user_sub(),
            "{server}: the ID token is the new user's"
        );
        let shown = format!("{out:?}");
        for secret in [
            id_token,
            tokens.access_token().unwrap(),
            tokens.refresh_token().unwrap(),
        ] {
            assert!(
                !shown.contains(secret),
                "{server}: a token in Debug output: {shown}"
            );
        }
        if server == "MOTO" {
            let wrong = sign_in("Wr0ng-Horse!").await.unwrap_err();
            assert_eq!(wrong.code(), Some("NotAuthorizedException"));
            assert_eq!(wrong.attempts(), 1, "a 4xx is not retried");
            assert_hides(&wrong, &["Wr0ng-Horse!"]);
        }
    }
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn an_unsupported_flow_or_a_missing_parameter_sends_nothing() {
    let path = format!("/pass/{}", unique("nosend"));
    let client = client(&format!("{}{path}", env("FAULTS_ENDPOINT")));
    let call = || client.initiate_auth().client_id("abcdefghij1234567890");
    let srp = call()
        .auth_flow(AuthFlowType::UserSrpAuth)
        .auth_parameters("USERNAME", "alice");
    let error = srp.send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Refused);
    assert_eq!(error.field(), Some("AuthFlow"));
    assert!(
        error.message().contains("USER_AUTH or USER_PASSWORD_AUTH"),
        "{}",
        error.message()
    );
    let no_password = call()
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", "alice");
    assert_eq!(
        no_password.send().await.unwrap_err().field(),
        Some("AuthParameters.PASSWORD")
    );
    let no_username = call()
        .auth_flow(AuthFlowType::UserAuth)
        .session("s".repeat(30));
    assert_eq!(
        no_username.send().await.unwrap_err().field(),
        Some("AuthParameters.USERNAME")
    );
    assert!(logged(&path).is_empty(), "nothing reached the fault server");
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn a_confidential_client_signs_in_with_the_secret_hash_among_the_auth_parameters() {
    let (secret, client_id) = (env("MOTO_CLIENT_SECRET"), env("MOTO_SECRET_CLIENT_ID"));
    let username = unique("tess");
    let path = format!("/pass/{username}");
    let config = Config::builder()
        .endpoint_url(format!("{}{path}", env("FAULTS_ENDPOINT")))
        .client_secret(&secret)
        .build();
    let client = Client::from_conf(config);
    let out = confirmed_and_signed_in(&client, &client_id, &username).await;
    assert!(out.authentication_result().is_some());
    let sent = logged(&path);
    let body: Value = serde_json::from_str(sent[1]["body"].as_str().unwrap()).unwrap();
    let signed_up: Value = serde_json::from_str(sent[0]["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body["AuthParameters"]["SECRET_HASH"], signed_up["SecretHash"],
        "Base64(HMAC(secret, USERNAME + ClientId)), as SignUp's"
    );
    assert_eq!(
        body["AuthParameters"]["SECRET_HASH"]
            .as_str()
            .unwrap()
            .len(),
        44
    );
    assert!(body.get("SecretHash").is_none());
}

/// Signs `username` up with `client` (on moto, behind `client`'s endpoint), confirms them as an
/// admin (moto sends no code), and signs them in with the password.
async fn confirmed_and_signed_in(
    client: &Client,
    client_id: &str,
    username: &str,
) -> InitiateAuthOutput {
    sign_up(client, client_id, username).send().await.unwrap();
    admin(
        &env("MOTO_ENDPOINT"),
        "AdminConfirmSignUp",
        json!({ "UserPoolId": env("MOTO_POOL_ID"), "Username": username }),
    );
    client
        .initiate_auth()
        .client_id(client_id)
        .auth_flow(AuthFlowType::UserPasswordAuth)
        .auth_parameters("USERNAME", username)
        .auth_parameters("PASSWORD", PASSWORD)
        .send()
        .await
        .unwrap()
}

/// The current TOTP code (RFC 6238: HMAC-SHA1, 30 s, six digits) of a Base32 secret,
/// computed here, independently of the server; waits out the last two seconds of a step.
fn totp(secret: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut bits = 0u64;
    let mut count = 0;
    let mut key = Vec::new();
    for c in secret.trim_end_matches('=').bytes() {
        let value = match c.to_ascii_uppercase() {
            b'A'..=b'Z' => c.to_ascii_uppercase() - b'A',
            b'2'..=b'7' => c - b'2' + 26,
            other => panic!("not Base32: {other}"),
        };
        bits = bits << 5 | u64::from(value);
        count += 5;
        if count >= 8 {
            count -= 8;
            key.push((bits >> count) as u8);
        }
    }
    let mut now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    if now % 30 >= 28 {
        std::thread::sleep(std::time::Duration::from_secs(3));
        now += 3;
    }
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).unwrap();
    mac.update(&(now / 30).to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[19] & 15);
    let code = u32::from_be_bytes([
        hash[offset] & 0x7f,
        hash[offset + 1],
        hash[offset + 2],
        hash[offset + 3],
    ]) % 1_000_000;
    format!("{code:06}")
}

#[tokio::test]
#[ignore = "needs the emulators: scripts/test.sh"]
async fn an_authenticator_app_is_set_up_with_the_access_token_on_moto() {
    let (endpoint, client_id) = (env("MOTO_ENDPOINT"), env("MOTO_CLIENT_ID"));
    let username = unique("totp");
    let client = client(&endpoint);
    let signed_in = confirmed_and_signed_in(&client, &client_id, &username).await;
    let access = signed_in
        .authentication_result()
        .unwrap()
        .access_token()
        .unwrap()
        .to_string();
    let associated = client
        .associate_software_token()
        .access_token(&access)
        .send()
        .await
        .unwrap();
    let secret = associated.secret_code().expect("the app's secret");
    assert!(
        !format!("{associated:?}").contains(secret),
        "Debug hides the secret"
    );
    // A wrong code is refused by the server; the right one, computed here from the secret, is taken.
    let wrong = client
        .verify_software_token()
        .access_token(&access)
        .user_code("000000")
        .send()
        .await;
    if totp(secret) != "000000" {
        assert_eq!(wrong.unwrap_err().code(), Some("CodeMismatchException"));
    }
    let verified = client
        .verify_software_token()
        .access_token(&access)
        .user_code(totp(secret))
        .friendly_device_name("phone")
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status(), Some("SUCCESS"));
    // What cannot work is refused before sending: no token nor session, a code that is not six digits.
    let none = client.associate_software_token().send().await.unwrap_err();
    assert_eq!((none.field(), none.attempts()), (Some("AccessToken"), 0));
    let short = client
        .verify_software_token()
        .access_token(&access)
        .user_code("12a")
        .send()
        .await
        .unwrap_err();
    assert_eq!(short.field(), Some("UserCode"));
    assert_hides(&short, &[&access]);
}
