//! The retry decision and the password policy check.
#![cfg(not(target_arch = "wasm32"))]

use cognito_signup::error::{Error, ErrorKind, Fault, Problem};
use cognito_signup::operation::Operation;
use cognito_signup::password_policy::{unmet_rules, PasswordPolicy, PolicyRule, SYMBOLS};
use cognito_signup::retry::{Attempts, BASE_DELAY_MS, MAX_DELAY_MS, THROTTLED_BASE_DELAY_MS};

fn service(name: &'static str, status: u16) -> Error {
    let kind = if name == "UnknownError" {
        ErrorKind::Unknown
    } else {
        ErrorKind::Service
    };
    let mut e = Error::new(
        kind,
        name,
        "m",
        if status >= 500 {
            Fault::Server
        } else {
            Fault::Client
        },
    );
    e.metadata.http_status_code = Some(status);
    e
}

fn network() -> Error {
    Error::network("m")
}

#[test]
fn only_network_errors_timeouts_5xx_and_throttling_are_retried() {
    let cases: Vec<(Error, bool)> = vec![
        (network(), true),
        (Error::timeout(), true),
        (service("InternalErrorException", 500), true),
        (service("UnknownError", 502), true),
        (service("UnknownError", 503), true),
        (service("TooManyRequestsException", 400), true),
        (service("UnknownError", 429), true),
        (service("LimitExceededException", 400), false),
        (service("UsernameExistsException", 400), false),
        (service("InvalidPasswordException", 400), false),
        (service("CodeMismatchException", 400), false),
        (service("UnknownError", 404), false),
        (Error::aborted(), false),
        (
            Error::refused(vec![Problem::new("Username", "is required")]),
            false,
        ),
    ];
    for (error, retried) in cases {
        let mut attempts = Attempts::new(Operation::SignUp, 3);
        attempts.start();
        assert_eq!(
            attempts.retry_delay(&error, 0.5).is_some(),
            retried,
            "{}",
            error.name
        );
    }
}

#[test]
fn backoff_is_full_jitter_on_an_exponential_ceiling() {
    let mut attempts = Attempts::new(Operation::SignUp, 10);
    let mut total = 0;
    for n in 1..10u32 {
        attempts.start();
        let ceiling = (BASE_DELAY_MS << (n - 1)).min(MAX_DELAY_MS);
        let top = attempts.retry_delay(&network(), 0.999_999).unwrap();
        assert!(
            top <= ceiling && top + 1 >= ceiling,
            "attempt {n}: {top} vs {ceiling}"
        );
        total += top;
    }
    assert_eq!(attempts.metadata().total_retry_delay, total);
    attempts.start();
    assert_eq!(
        attempts.retry_delay(&network(), 0.5),
        None,
        "10 attempts made"
    );
    assert_eq!(attempts.metadata().attempts, 10);

    let mut throttled = Attempts::new(Operation::SignUp, 3);
    throttled.start();
    let zero = throttled.retry_delay(&service("TooManyRequestsException", 400), 0.0);
    assert_eq!(zero, Some(0));
    throttled.start();
    let half = throttled.retry_delay(&service("TooManyRequestsException", 400), 0.5);
    assert_eq!(half, Some(THROTTLED_BASE_DELAY_MS));
}

#[test]
fn max_attempts_one_disables_retries() {
    let mut attempts = Attempts::new(Operation::SignUp, 1);
    attempts.start();
    assert_eq!(attempts.retry_delay(&network(), 0.5), None);
}

#[test]
fn the_final_error_carries_the_call_metadata() {
    let mut attempts = Attempts::new(Operation::ConfirmSignUp, 3);
    attempts.start();
    let delay = attempts
        .retry_delay(&service("InternalErrorException", 500), 0.5)
        .unwrap();
    attempts.start();
    let mut last = service("CodeMismatchException", 400);
    last.metadata.request_id = Some("req-2".into());
    let e = attempts.fail(last);
    assert_eq!(e.metadata.attempts, 2);
    assert_eq!(e.metadata.total_retry_delay, delay);
    assert_eq!(e.metadata.http_status_code, Some(400));
    assert_eq!(e.metadata.request_id.as_deref(), Some("req-2"));
    assert!(!e.earlier_attempt_may_have_succeeded);
}

#[test]
fn a_username_taken_after_an_unknown_outcome_may_be_our_own() {
    for (first, flagged) in [
        (network(), true),
        (Error::timeout(), true),
        (service("InternalErrorException", 500), true),
        (service("TooManyRequestsException", 400), false),
    ] {
        let mut attempts = Attempts::new(Operation::SignUp, 3);
        attempts.start();
        attempts.retry_delay(&first, 0.1).unwrap();
        attempts.start();
        let e = attempts.fail(service("UsernameExistsException", 400));
        assert_eq!(
            e.earlier_attempt_may_have_succeeded, flagged,
            "{}",
            first.name
        );
        assert_eq!(e.message.contains("may have created the account"), flagged);
    }
    let mut confirm = Attempts::new(Operation::ConfirmSignUp, 3);
    confirm.start();
    confirm.retry_delay(&network(), 0.1).unwrap();
    confirm.start();
    assert!(
        !confirm
            .fail(service("UsernameExistsException", 400))
            .earlier_attempt_may_have_succeeded
    );
}

fn strict() -> PasswordPolicy {
    PasswordPolicy {
        minimum_length: Some(8),
        require_uppercase: true,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: true,
    }
}

#[test]
fn every_unmet_rule_is_reported_at_once() {
    use PolicyRule::*;
    let table: &[(&str, &[PolicyRule])] = &[
        ("Passw0rd!", &[]),
        (
            "",
            &[
                MinimumLength,
                RequireUppercase,
                RequireLowercase,
                RequireNumbers,
                RequireSymbols,
            ],
        ),
        (
            "weak",
            &[
                MinimumLength,
                RequireUppercase,
                RequireNumbers,
                RequireSymbols,
            ],
        ),
        ("Passw0rdX", &[RequireSymbols]),
        ("PASSW0RD!", &[RequireLowercase]),
        ("passw0rd!", &[RequireUppercase]),
        ("Password!", &[RequireNumbers]),
        ("Pa0!", &[MinimumLength]),
        ("Pass w0rd", &[]),
        ("ÄÖÜäöü1!", &[RequireUppercase, RequireLowercase]),
        ("Pässwörd1!", &[]),
    ];
    for (password, unmet) in table {
        assert_eq!(unmet_rules(password, &strict()), *unmet, "{password:?}");
    }
}

#[test]
fn each_cognito_symbol_counts_and_nothing_else_does() {
    let policy = PasswordPolicy {
        require_symbols: true,
        ..PasswordPolicy::default()
    };
    for symbol in SYMBOLS.chars() {
        assert!(
            unmet_rules(&format!("a{symbol}"), &policy).is_empty(),
            "{symbol}"
        );
    }
    assert_eq!(SYMBOLS.chars().count(), 32);
    for other in ["abc", "a€", "a§", "a ", " a", "aé"] {
        assert_eq!(
            unmet_rules(other, &policy),
            [PolicyRule::RequireSymbols],
            "{other:?}"
        );
    }
    assert!(
        unmet_rules("a b", &policy).is_empty(),
        "an inner space is a symbol"
    );
}

#[test]
fn length_counts_characters_and_an_empty_policy_accepts_anything() {
    let policy = PasswordPolicy {
        minimum_length: Some(6),
        ..PasswordPolicy::default()
    };
    assert!(unmet_rules("éééééé", &policy).is_empty());
    assert_eq!(unmet_rules("ééééé", &policy), [PolicyRule::MinimumLength]);
    assert!(unmet_rules("", &PasswordPolicy::default()).is_empty());
}
