//! When to try a call again, and how long to wait first.
//!
//! Retried: network errors, timeouts, 5xx answers, and throttling
//! (`TooManyRequestsException`, or a bare HTTP 429). Never retried: `LimitExceededException` and
//! every other 4xx, refused input, and aborts. Waits use exponential backoff
//! with full jitter: a random share of `min(MAX_DELAY_MS, base × 2^(n-1))`
//! before retry `n`, with `base` = [`BASE_DELAY_MS`], or
//! [`THROTTLED_BASE_DELAY_MS`] after throttling.
use alloc::borrow::Cow;

use crate::error::{Error, ErrorKind, Metadata, TOO_MANY_REQUESTS, USERNAME_EXISTS};
use crate::operation::Operation;

/// The backoff base after a network error, a timeout or a 5xx.
pub const BASE_DELAY_MS: u32 = 100;
/// The backoff base after `TooManyRequestsException`.
pub const THROTTLED_BASE_DELAY_MS: u32 = 500;
/// The longest wait between two attempts.
pub const MAX_DELAY_MS: u32 = 20_000;

const MAY_EXIST: &str =
    " (an earlier attempt, whose outcome is unknown, may have created the account)";

/// The attempts of one call so far.
#[derive(Clone, Debug)]
pub struct Attempts {
    /// The operation being called.
    pub op: Operation,
    /// The most attempts to make.
    pub max_attempts: u32,
    /// Attempts made and time waited so far.
    pub metadata: Metadata,
    /// Whether an attempt ended without a known outcome (network error,
    /// timeout, 5xx): it may have reached the service.
    pub outcome_unknown: bool,
}

impl Attempts {
    /// No attempt yet; at most `max_attempts` will be made.
    pub fn new(op: Operation, max_attempts: u32) -> Attempts {
        Attempts {
            op,
            max_attempts,
            metadata: Metadata::default(),
            outcome_unknown: false,
        }
    }

    /// Counts a request about to be sent.
    pub fn start(&mut self) {
        self.metadata.attempts += 1;
    }

    /// After `error`, the milliseconds to wait before the next attempt, or
    /// `None` when the call must fail now. `random` is uniform in `[0, 1)`.
    /// The wait is counted in `totalRetryDelay` as soon as it is chosen.
    pub fn retry_delay(&mut self, error: &Error, random: f64) -> Option<u32> {
        let status = error.metadata.http_status_code.unwrap_or(0);
        let (throttled, unknown_outcome) = match error.kind {
            ErrorKind::Network | ErrorKind::Timeout => (false, true),
            // A bare HTTP 429 (from a proxy or a WAF in front of Cognito) is throttling too.
            ErrorKind::Service | ErrorKind::Unknown => (
                error.name == TOO_MANY_REQUESTS || status == 429,
                status >= 500,
            ),
            ErrorKind::Refused | ErrorKind::Aborted => (false, false),
        };
        self.outcome_unknown |= unknown_outcome;
        if !(throttled || unknown_outcome) || self.metadata.attempts >= self.max_attempts {
            return None;
        }
        let base = if throttled {
            THROTTLED_BASE_DELAY_MS
        } else {
            BASE_DELAY_MS
        };
        let ceiling = base
            .saturating_mul(1 << (self.metadata.attempts - 1).min(16))
            .min(MAX_DELAY_MS);
        let delay = (random.clamp(0.0, 1.0) * ceiling as f64) as u32;
        self.metadata.total_retry_delay += delay;
        Some(delay)
    }

    /// The metadata of the call so far, for a success or a failure.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// `error` as the call's final error: with the call's metadata, and,
    /// for a SignUp that meets `UsernameExistsException` after an attempt of
    /// unknown outcome, saying the account may be its own.
    pub fn fail(&self, mut error: Error) -> Error {
        let status = error.metadata.http_status_code;
        let request_id = error.metadata.request_id.take();
        error.metadata = Metadata {
            http_status_code: status,
            request_id,
            ..self.metadata.clone()
        };
        if self.op == Operation::SignUp && self.outcome_unknown && error.name == USERNAME_EXISTS {
            error.earlier_attempt_may_have_succeeded = true;
            error.message = Cow::Owned([&*error.message, MAY_EXIST].concat());
        }
        error
    }
}
