//! `client.sign_in()` with SRP, natively, against the SRP verifier of
//! tests/srp/verifier.mjs: a server written from the protocol, which
//! amazon-cognito-identity-js's own client signs in against first
//! (tests/srp/verifier.test.mjs). The right password gets tokens, with the
//! password on no request; a wrong one is refused by the verifier; what
//! cannot work is refused before anything is sent.
#![cfg(all(feature = "srp", not(target_arch = "wasm32")))]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use cognito_signup::types::InitiateAuthOutput;
use cognito_signup::{Client, Config, Error, ErrorKind};

const POOL: &str = "eu-west-1_SrpVerifier";
const CLIENT: &str = "srpverifierclient";
const PASSWORD: &str = "Corr3ct-Horse!";

/// The verifier, running: its URL and the user's sub; it stops when dropped.
struct Verifier {
    child: Child,
    url: String,
    sub: String,
}

impl Drop for Verifier {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn verifier() -> Verifier {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/srp/verifier.mjs");
    let mut child = Command::new("node")
        .arg(script)
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs the verifier");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let (url, sub) = line
        .trim()
        .split_once(' ')
        .expect("the verifier prints its URL and the sub");
    Verifier {
        url: url.into(),
        sub: sub.into(),
        child,
    }
}

fn client(v: &Verifier) -> Client {
    Client::from_conf(
        Config::builder()
            .user_pool_id(POOL)
            .endpoint_url(&v.url)
            .build(),
    )
}

/// The request bodies the verifier saw (`GET /log`, over a plain socket).
async fn bodies(v: &Verifier) -> Vec<String> {
    use std::io::{Read, Write};
    let address = v.url.trim_start_matches("http://");
    let mut socket = std::net::TcpStream::connect(address).unwrap();
    write!(socket, "GET /log HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut answer = String::new();
    socket.read_to_string(&mut answer).unwrap();
    let (_, body) = answer.split_once("\r\n\r\n").unwrap();
    let log: serde_json::Value = serde_json::from_str(body).unwrap();
    log.as_array()
        .unwrap()
        .iter()
        .map(|e| e["body"].as_str().unwrap().to_string())
        .collect()
}

fn claims(jwt: &str) -> serde_json::Value {
    use base64::Engine as _;
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap(),
    )
    .unwrap()
}

/// Alice signs in with `password`.
async fn alice(v: &Verifier, password: &str) -> Result<InitiateAuthOutput, Error> {
    let call = client(v).sign_in().client_id(CLIENT).username("alice");
    call.password(password).send().await
}

#[tokio::test]
async fn srp_signs_in_with_the_right_password_and_never_sends_it() {
    let v = verifier();
    let out = alice(&v, PASSWORD).await.unwrap();
    let tokens = out.authentication_result().expect("tokens");
    assert_eq!(claims(tokens.id_token().unwrap())["sub"], v.sub.as_str());
    let sent = bodies(&v).await;
    assert_eq!(sent.len(), 2, "InitiateAuth, then RespondToAuthChallenge");
    assert!(sent[0].contains("\"AuthFlow\":\"USER_SRP_AUTH\""));
    assert!(sent[1].contains("\"ChallengeName\":\"PASSWORD_VERIFIER\""));
    assert!(
        sent.iter().all(|body| !body.contains(PASSWORD)),
        "the password never went over the wire"
    );
    assert!(
        !format!("{out:?}").contains(tokens.access_token().unwrap()),
        "Debug hides the tokens"
    );
}

#[tokio::test]
async fn a_wrong_password_is_refused_by_the_verifier_and_said_without_it() {
    let v = verifier();
    let error = alice(&v, "not the password").await.unwrap_err();
    assert_eq!(error.code(), Some("NotAuthorizedException"));
    assert!(!format!("{error:?} {error}").contains("not the password"));
}

#[tokio::test]
async fn what_cannot_work_is_refused_before_anything_is_sent() {
    let v = verifier();
    let no_password = client(&v)
        .sign_in()
        .client_id(CLIENT)
        .username("alice")
        .send()
        .await
        .unwrap_err();
    assert_eq!(no_password.kind(), ErrorKind::Refused);
    assert_eq!(no_password.field(), Some("Password"));
    let no_pool = Client::from_conf(Config::builder().endpoint_url(&v.url).build());
    let error = no_pool
        .sign_in()
        .client_id(CLIENT)
        .username("alice")
        .password(PASSWORD)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("config.userPoolId"));
    let error = client(&v)
        .sign_in()
        .client_id(CLIENT)
        .password(PASSWORD)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("Username"));
    assert_eq!(bodies(&v).await.len(), 0, "nothing reached the verifier");
    let shown = format!(
        "{:?}",
        client(&v).sign_in().username("alice").password(PASSWORD)
    );
    assert!(
        !shown.contains(PASSWORD) && !shown.contains("alice"),
        "Debug hides the user and the password: {shown}"
    );
}

/// The core's choice of flow and its requests, with nothing sent (`cognito_signup::sign_in`, which every door runs).
#[test]
fn the_core_chooses_the_flow_and_builds_each_request() {
    use cognito_signup::request::Request;
    use cognito_signup::sign_in::SignIn;
    let input = |password: Option<&str>, session: Option<&str>, flow: Option<&str>| Request {
        client_id: Some(CLIENT.into()),
        username: Some("alice".into()),
        password: password.map(Into::into),
        session: session.map(Into::into),
        auth_flow: flow.map(Into::into),
        ..Request::default()
    };
    let keys = |r: &Request| {
        r.auth_parameters
            .iter()
            .flatten()
            .map(|(k, _)| k.clone())
            .collect::<Vec<_>>()
    };
    let mut drawn = 0;
    let pool = Some("eu-west-1_AbC123");
    // A session: USER_AUTH, no SRP drawn, the password (had one been given) not sent.
    let (s, r) = SignIn::start(&input(Some(PASSWORD), Some("sess"), None), pool, |_| {
        drawn += 1
    })
    .unwrap();
    assert_eq!(
        (r.auth_flow.as_deref(), r.session.as_deref(), keys(&r)),
        (
            Some("USER_AUTH"),
            Some("sess"),
            vec!["USERNAME".to_string()]
        )
    );
    assert_eq!(drawn, 0, "SRP's secret is drawn only for SRP");
    assert!(
        s.answer(Some("PASSWORD_VERIFIER"), |_| None, None, 0)
            .is_none(),
        "USER_AUTH has no verifier to answer"
    );
    // No session: SRP, A sent, the password not; a verifier lacking its parameters is an error, not a panic.
    let (s, r) = SignIn::start(&input(Some(PASSWORD), None, None), pool, |b| b.fill(7)).unwrap();
    assert_eq!(
        (r.auth_flow.as_deref(), keys(&r)),
        (
            Some("USER_SRP_AUTH"),
            vec!["USERNAME".to_string(), "SRP_A".to_string()]
        )
    );
    assert!(!format!("{r:?} {}", r.to_json()).contains(PASSWORD));
    assert!(
        s.answer(Some("SMS_MFA"), |_| None, None, 0).is_none(),
        "an MFA challenge is the caller's"
    );
    let broken = s
        .answer(Some("PASSWORD_VERIFIER"), |_| None, Some("sess"), 0)
        .unwrap()
        .unwrap_err();
    assert_eq!(broken.kind(), ErrorKind::Unknown);
    assert!(
        !format!("{s:?}").contains(PASSWORD),
        "Debug hides the password"
    );
    // The password flow only when asked for.
    let (_, r) = SignIn::start(
        &input(Some(PASSWORD), None, Some("USER_PASSWORD_AUTH")),
        None,
        |_| (),
    )
    .unwrap();
    assert_eq!(
        keys(&r),
        vec!["USERNAME".to_string(), "PASSWORD".to_string()]
    );
    // Every problem at once: no username, no password, a flow this package does not run.
    let refused = SignIn::start(
        &Request {
            auth_flow: Some("CUSTOM_AUTH".into()),
            ..Request::default()
        },
        pool,
        |_| (),
    )
    .unwrap_err();
    let fields: Vec<_> = refused.problems().iter().map(|p| p.field.clone()).collect();
    assert_eq!(fields, ["Username", "AuthFlow"]);
    // A preferred first factor (a passkey): USER_AUTH without a session or a password; no SRP drawn.
    let preferred = |pairs: &[(&str, &str)]| Request {
        client_id: Some("c".into()),
        username: Some("alice".into()),
        auth_parameters: Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        ),
        ..Request::default()
    };
    let (_, r) = SignIn::start(
        &preferred(&[("PREFERRED_CHALLENGE", "WEB_AUTHN")]),
        None,
        |_| panic!("no SRP for a passkey"),
    )
    .unwrap();
    assert_eq!(r.auth_flow.as_deref(), Some("USER_AUTH"));
    assert_eq!(
        r.auth_parameters.unwrap(),
        [
            ("USERNAME".into(), "alice".into()),
            ("PREFERRED_CHALLENGE".into(), "WEB_AUTHN".into())
        ]
    );
    // Any other parameter is signIn's own to set.
    let refused = SignIn::start(&preferred(&[("SRP_A", "02")]), pool, |_| ()).unwrap_err();
    let fields: Vec<_> = refused.problems().iter().map(|p| p.field.clone()).collect();
    assert_eq!(fields, ["AuthParameters.SRP_A", "Password"]);
    // A preferred first factor with another flow is refused, not dropped.
    let mut srp = preferred(&[("PREFERRED_CHALLENGE", "WEB_AUTHN")]);
    srp.auth_flow = Some("USER_SRP_AUTH".into());
    srp.password = Some(PASSWORD.into());
    let refused = SignIn::start(&srp, pool, |_| ()).unwrap_err();
    let fields: Vec<_> = refused.problems().iter().map(|p| p.field.clone()).collect();
    assert_eq!(fields, ["AuthParameters.PREFERRED_CHALLENGE"]);
}

/// Each sign-in call and passkey call, built with the Rust API from the inputs of
/// tests/fixtures/sdk-requests.json, is the JSON the AWS SDK v3 serializes
/// for them (tests/srp/sdk-requests.mjs), with the same target.
#[test]
fn the_sign_in_calls_send_what_the_aws_sdk_v3_sends() {
    use cognito_signup::operation::Operation;
    use serde_json::Value;
    let path = format!(
        "{}/tests/fixtures/sdk-requests.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let client = Client::from_conf(Config::builder().region("eu-west-1").build());
    let text = |v: &Value, key: &str| v[key].as_str().map(String::from);
    let pairs = |v: &Value, key: &str| -> Vec<(String, String)> {
        let map = v[key].as_object().cloned().unwrap_or_default();
        map.into_iter()
            .map(|(k, v)| (k, v.as_str().unwrap().to_string()))
            .collect()
    };
    // The user of a software-token call: the case's session and access token, where it has them.
    macro_rules! by_token {
        ($call:expr, $input:expr) => {{
            let mut call = $call;
            if let Some(session) = text($input, "Session") {
                call = call.session(session);
            }
            if let Some(token) = text($input, "AccessToken") {
                call = call.access_token(token);
            }
            call
        }};
    }
    for case in &cases {
        let input = &case["input"];
        let (operation, json) = match case["operation"].as_str().unwrap() {
            "RespondToAuthChallenge" => {
                let mut call = client.respond_to_auth_challenge();
                call = call.client_id(text(input, "ClientId").unwrap());
                call = call.challenge_name(text(input, "ChallengeName").unwrap().as_str());
                if let Some(session) = text(input, "Session") {
                    call = call.session(session);
                }
                for (key, value) in pairs(input, "ChallengeResponses") {
                    call = call.challenge_responses(key, value);
                }
                for (key, value) in pairs(input, "ClientMetadata") {
                    call = call.client_metadata(key, value);
                }
                (Operation::RespondToAuthChallenge, call.as_input().to_json())
            }
            "AssociateSoftwareToken" => {
                let call = by_token!(client.associate_software_token(), input);
                (Operation::AssociateSoftwareToken, call.as_input().to_json())
            }
            "VerifySoftwareToken" => {
                let mut call = by_token!(client.verify_software_token(), input);
                call = call.user_code(text(input, "UserCode").unwrap());
                if let Some(name) = text(input, "FriendlyDeviceName") {
                    call = call.friendly_device_name(name);
                }
                (Operation::VerifySoftwareToken, call.as_input().to_json())
            }
            "StartWebAuthnRegistration" => {
                let call = client.start_web_authn_registration();
                let call = call.access_token(text(input, "AccessToken").unwrap());
                (
                    Operation::StartWebAuthnRegistration,
                    call.as_input().to_json(),
                )
            }
            "CompleteWebAuthnRegistration" => {
                let call = client.complete_web_authn_registration();
                let call = call.access_token(text(input, "AccessToken").unwrap());
                let call = call.credential(input["Credential"].clone());
                (
                    Operation::CompleteWebAuthnRegistration,
                    call.as_input().to_json(),
                )
            }
            other => panic!("no case for {other}"),
        };
        let ours: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(ours, case["body"], "{}", case["operation"]);
        assert_eq!(operation.target(), case["target"].as_str().unwrap());
    }
    assert_eq!(cases.len(), 10);
}
