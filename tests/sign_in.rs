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
    assert_eq!(no_password.field(), Some("password"));
    let no_pool = Client::from_conf(Config::builder().endpoint_url(&v.url).build());
    let error = no_pool
        .sign_in()
        .client_id(CLIENT)
        .username("alice")
        .password(PASSWORD)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("user_pool_id"));
    let error = client(&v)
        .sign_in()
        .client_id(CLIENT)
        .password(PASSWORD)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.field(), Some("username"));
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
