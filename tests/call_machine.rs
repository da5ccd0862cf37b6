//! The call machine, driven through whole calls with scripted answers:
//! every step it asks for, every wait, the attempt counts and the result.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use cognito_signup::call::{Call, Event, Failure, Step};
use cognito_signup::config::Config;
use cognito_signup::error::{Error, ErrorKind, Metadata, Problem};
use cognito_signup::operation::Operation;
use cognito_signup::request::Request;
use cognito_signup::response::HttpResponse;
use common::{Json, RegexMatcher};

const PASSWORD: &str = "Corr3ct-Horse!";
const SECRET: &str = "client-secret-123";

/// Jitter that always takes half the ceiling, so waits are exact.
fn half() -> f64 {
    0.5
}

fn sign_up() -> Request {
    Request {
        client_id: Some("abcdefghij1234567890".into()),
        username: Some("alice".into()),
        password: Some(PASSWORD.into()),
        ..Request::default()
    }
}

fn config(max_attempts: u32) -> Config {
    Config {
        region: Some("eu-west-1".into()),
        max_attempts,
        ..Config::new()
    }
}

fn call(op: Operation, request: Request, config: Config) -> Call {
    Call::new(op, request, config, Vec::new(), &RegexMatcher, half).unwrap()
}

/// What the world answers to one `Send`.
enum Answer {
    /// An HTTP answer: status, `x-amzn-requestid`, body text.
    Http(u16, Option<&'static str>, &'static str),
    Network,
    Timeout,
    AbortedInFlight,
    /// The caller aborts before the request is sent.
    AbortedBefore,
}

/// What a call asked for, step by step, as a driver saw it.
#[derive(Debug, PartialEq)]
enum Seen {
    SecretHash,
    Send,
    Wait(u32),
}

/// Drives `call` to its end: each `Send` takes the next of `answers`, each
/// `Wait` is over at once unless `abort_waits`, a SecretHash is `hash`.
fn drive(
    call: &mut Call,
    answers: Vec<Answer>,
    hash: Option<&str>,
    abort_waits: bool,
) -> (Vec<Seen>, Result<Metadata, Error>) {
    let mut answers = answers.into_iter();
    let mut seen = Vec::new();
    let mut step = call.start();
    loop {
        step = match step {
            Step::SecretHash { .. } => {
                seen.push(Seen::SecretHash);
                call.next::<Json>(Event::SecretHash(hash.map(String::from)))
            }
            Step::Send { .. } => {
                seen.push(Seen::Send);
                match answers.next().expect("an answer for every request") {
                    Answer::Http(status, request_id, body) => {
                        let json = Json::parse(body);
                        call.next(Event::Answer(HttpResponse {
                            status,
                            request_id,
                            error_type_header: None,
                            body: json.as_ref(),
                        }))
                    }
                    Answer::Network => {
                        call.next::<Json>(Event::NoAnswer(Failure::Network("connection refused")))
                    }
                    Answer::Timeout => call.next::<Json>(Event::NoAnswer(Failure::Timeout)),
                    Answer::AbortedInFlight => call.next::<Json>(Event::NoAnswer(Failure::Aborted)),
                    Answer::AbortedBefore => call.next::<Json>(Event::Aborted),
                }
            }
            Step::Wait { ms } => {
                seen.push(Seen::Wait(ms));
                if abort_waits {
                    call.next::<Json>(Event::Aborted)
                } else {
                    call.next::<Json>(Event::WaitOver)
                }
            }
            Step::Done(result) => {
                assert!(answers.next().is_none(), "every answer was used");
                return (seen, result);
            }
        };
    }
}

const SIGNED_UP: &str =
    r#"{"UserConfirmed":false,"UserSub":"5b5c2f0e-1111-2222-3333-444455556666"}"#;
const INTERNAL: &str = r#"{"__type":"InternalErrorException","message":"oops"}"#;
const THROTTLED: &str = r#"{"__type":"TooManyRequestsException","message":"slow down"}"#;
const TAKEN: &str = r#"{"__type":"UsernameExistsException","message":"User already exists"}"#;

#[test]
fn a_sign_up_sends_one_request_and_returns_its_metadata() {
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    let Step::Send {
        request,
        timeout_ms,
    } = c.start()
    else {
        panic!("a request first")
    };
    assert_eq!(request.url, "https://cognito-idp.eu-west-1.amazonaws.com");
    assert_eq!(request.target, "AWSCognitoIdentityProviderService.SignUp");
    assert!(request.body.contains(r#""Username":"alice""#));
    assert_eq!(timeout_ms, None);
    let json = Json::parse(SIGNED_UP);
    let step = c.next(Event::Answer(HttpResponse {
        status: 200,
        request_id: Some("req-1"),
        error_type_header: None,
        body: json.as_ref(),
    }));
    let Step::Done(Ok(metadata)) = step else {
        panic!("done: {step:?}")
    };
    assert_eq!(
        metadata,
        Metadata {
            http_status_code: Some(200),
            request_id: Some("req-1".into()),
            attempts: 1,
            total_retry_delay: 0,
        }
    );
}

#[test]
fn answers_of_5xx_are_retried_after_growing_waits() {
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    let answers = vec![
        Answer::Http(500, None, INTERNAL),
        Answer::Http(503, None, "<html>busy</html>"),
        Answer::Http(200, None, SIGNED_UP),
    ];
    let (seen, result) = drive(&mut c, answers, None, false);
    use Seen::*;
    assert_eq!(seen, [Send, Wait(50), Send, Wait(100), Send]);
    let metadata = result.unwrap();
    assert_eq!(metadata.attempts, 3);
    assert_eq!(metadata.total_retry_delay, 150);
}

#[test]
fn throttling_waits_from_a_longer_base() {
    let mut c = call(Operation::ConfirmSignUp, confirm(), config(3));
    let answers = vec![
        Answer::Http(400, None, THROTTLED),
        Answer::Http(429, None, ""),
        Answer::Http(200, None, "{}"),
    ];
    let (seen, result) = drive(&mut c, answers, None, false);
    use Seen::*;
    assert_eq!(seen, [Send, Wait(250), Send, Wait(500), Send]);
    assert_eq!(result.unwrap().total_retry_delay, 750);
}

fn confirm() -> Request {
    Request {
        client_id: Some("abcdefghij1234567890".into()),
        username: Some("alice".into()),
        confirmation_code: Some("123456".into()),
        ..Request::default()
    }
}

#[test]
fn max_attempts_bounds_the_retries_and_the_last_error_is_final() {
    for max_attempts in [1, 2, 5] {
        let mut c = call(Operation::SignUp, sign_up(), config(max_attempts));
        let answers = (0..max_attempts)
            .map(|_| Answer::Http(500, Some("req"), INTERNAL))
            .collect();
        let (seen, result) = drive(&mut c, answers, None, false);
        let sends = seen.iter().filter(|s| **s == Seen::Send).count();
        assert_eq!(sends as u32, max_attempts);
        let error = result.unwrap_err();
        assert_eq!(error.kind, ErrorKind::Service);
        assert_eq!(error.name, "InternalErrorException");
        assert_eq!(error.metadata.attempts, max_attempts);
        assert_eq!(error.metadata.http_status_code, Some(500));
        assert_eq!(error.metadata.request_id.as_deref(), Some("req"));
    }
}

#[test]
fn a_4xx_is_final_at_once() {
    let mut c = call(Operation::ConfirmSignUp, confirm(), config(3));
    let mismatch = r#"{"__type":"CodeMismatchException","message":"Invalid code"}"#;
    let (seen, result) = drive(&mut c, vec![Answer::Http(400, None, mismatch)], None, false);
    assert_eq!(seen, [Seen::Send]);
    let error = result.unwrap_err();
    assert_eq!(error.name, "CodeMismatchException");
    assert_eq!(error.metadata.attempts, 1);
}

#[test]
fn timeouts_and_network_errors_are_retried_and_typed() {
    let mut cfg = config(2);
    cfg.timeout_ms = Some(1500);
    let mut c = call(Operation::SignUp, sign_up(), cfg.clone());
    let Step::Send { timeout_ms, .. } = c.start() else {
        panic!("a request first")
    };
    assert_eq!(timeout_ms, Some(1500), "each attempt carries the timeout");
    let mut c = call(Operation::SignUp, sign_up(), cfg);
    let (seen, result) = drive(&mut c, vec![Answer::Network, Answer::Timeout], None, false);
    assert_eq!(seen, [Seen::Send, Seen::Wait(50), Seen::Send]);
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Timeout);
    assert_eq!(error.name, "TimeoutError");
    assert_eq!(error.metadata.attempts, 2);
    assert_eq!(error.metadata.http_status_code, None);

    let mut c = call(Operation::SignUp, sign_up(), config(1));
    let (_, result) = drive(&mut c, vec![Answer::Network], None, false);
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Network);
    assert_eq!(error.message, "fetch failed: connection refused");
}

#[test]
fn a_username_taken_after_an_unknown_outcome_may_be_our_own() {
    for (op, request, flagged) in [
        (Operation::SignUp, sign_up(), true),
        (Operation::ConfirmSignUp, confirm(), false),
    ] {
        let mut c = call(op, request, config(3));
        let answers = vec![Answer::Timeout, Answer::Http(400, None, TAKEN)];
        let (_, result) = drive(&mut c, answers, None, false);
        let error = result.unwrap_err();
        assert_eq!(error.name, "UsernameExistsException");
        assert_eq!(error.earlier_attempt_may_have_succeeded, flagged, "{op:?}");
        assert_eq!(
            error.message.contains("may have created the account"),
            flagged
        );
        assert_eq!(error.metadata.attempts, 2);
    }
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    let answers = vec![
        Answer::Http(400, None, THROTTLED),
        Answer::Http(400, None, TAKEN),
    ];
    let (_, result) = drive(&mut c, answers, None, false);
    assert!(
        !result.unwrap_err().earlier_attempt_may_have_succeeded,
        "throttling means it was not processed"
    );
}

#[test]
fn an_abort_ends_the_call_counting_only_requests_sent() {
    // During the wait after a 5xx: one attempt, no more requests.
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    let (seen, result) = drive(&mut c, vec![Answer::Http(500, None, INTERNAL)], None, true);
    assert_eq!(seen, [Seen::Send, Seen::Wait(50)]);
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Aborted);
    assert_eq!(error.name, "AbortError");
    assert_eq!(error.metadata.attempts, 1);
    assert_eq!(error.metadata.total_retry_delay, 50);
    // Before the first request: none sent.
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    let (_, result) = drive(&mut c, vec![Answer::AbortedBefore], None, false);
    assert_eq!(result.unwrap_err().metadata.attempts, 0);
    // In flight: sent, and not retried.
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    let (seen, result) = drive(&mut c, vec![Answer::AbortedInFlight], None, false);
    assert_eq!(seen, [Seen::Send]);
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Aborted);
    assert_eq!(error.metadata.attempts, 1);
}

#[test]
fn a_client_secret_asks_for_the_secret_hash_first() {
    let mut cfg = config(3);
    cfg.client_secret = Some(SECRET.into());
    let mut c = call(Operation::SignUp, sign_up(), cfg.clone());
    let Step::SecretHash { secret, message } = c.start() else {
        panic!("the hash first")
    };
    assert_eq!(
        (secret.as_str(), message.as_str()),
        (SECRET, "aliceabcdefghij1234567890")
    );
    let hash = "5jugCT9w8FrdHCnt345KqRl16xXMKAnYMNA9E7nLzqo=";
    let step = c.next::<Json>(Event::SecretHash(Some(hash.into())));
    let Step::Send { request, .. } = step else {
        panic!()
    };
    assert!(request.body.contains(&format!(r#""SecretHash":"{hash}""#)));

    let mut c = call(Operation::SignUp, sign_up(), cfg);
    let (seen, result) = drive(&mut c, vec![], None, false);
    assert_eq!(seen, [Seen::SecretHash]);
    let error = result.unwrap_err();
    assert_eq!(error.kind, ErrorKind::Refused);
    assert_eq!(error.field(), Some("config.clientSecret"));
    assert_eq!(error.metadata.attempts, 0);
}

#[test]
fn bad_input_is_refused_before_any_step_listing_every_problem() {
    let request = Request {
        username: Some("has space".into()),
        secret_hash: Some("abc=".into()),
        ..sign_up()
    };
    let mut cfg = config(3);
    cfg.client_secret = Some(SECRET.into());
    cfg.region = Some("moon-base-1".into());
    let found = vec![Problem::new("Password", "must be a string")];
    let error = Call::new(Operation::SignUp, request, cfg, found, &RegexMatcher, half).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Refused);
    let fields: Vec<&str> = error.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["Password", "Username", "config.region", "SecretHash"]
    );
    assert_eq!(error.metadata.attempts, 0);
    assert!(!error.message.contains(SECRET));
}

#[test]
fn events_out_of_order_end_the_call_with_an_error() {
    let mut c = call(Operation::SignUp, sign_up(), config(3));
    assert!(matches!(c.start(), Step::Send { .. }));
    let Step::Done(Err(error)) = c.next::<Json>(Event::WaitOver) else {
        panic!("a wait was not asked for")
    };
    assert_eq!(error.kind, ErrorKind::Unknown);
    assert!(matches!(
        c.next::<Json>(Event::WaitOver),
        Step::Done(Err(_))
    ));
    assert!(
        matches!(c.start(), Step::Done(Err(_))),
        "a call starts once"
    );
}

#[test]
fn debug_output_hides_the_password_and_the_secret() {
    let mut cfg = config(3);
    cfg.client_secret = Some(SECRET.into());
    let mut c = call(Operation::SignUp, sign_up(), cfg);
    let shown = format!("{c:?} {:?}", c.start());
    let send = c.next::<Json>(Event::SecretHash(Some("hash=".into())));
    let shown = format!("{shown} {send:?} {c:?}");
    for secret in [PASSWORD, SECRET, "hash="] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("Send"), "{shown}");
}
