//! When to try a call again, and how long to wait first.
//!
//! Retried: network errors, timeouts, 5xx answers, and throttling
//! (`TooManyRequestsException`, or a bare HTTP 429). Never retried: `LimitExceededException` and
//! every other 4xx, refused input, and aborts. Waits use exponential backoff
//! with full jitter: a random share of `min(MAX_DELAY_MS, base × 2^(n-1))`
//! before retry `n`, with `base` = [`BASE_DELAY_MS`], or
//! [`THROTTLED_BASE_DELAY_MS`] after throttling.
use alloc::borrow::Cow;

use crate::error::{
    Error, Metadata, NETWORK_ERROR, TIMEOUT_ERROR, TOO_MANY_REQUESTS, USERNAME_EXISTS,
};
use crate::operation::Operation;

/// The backoff base after a network error, a timeout or a 5xx.
pub const BASE_DELAY_MS: u32 = 100;
/// The backoff base after `TooManyRequestsException`.
pub const THROTTLED_BASE_DELAY_MS: u32 = 500;
/// The longest wait between two attempts.
pub const MAX_DELAY_MS: u32 = 20_000;

const MAY_EXIST: &str =
    " (an earlier attempt, whose outcome is unknown, may have created the account)";

/// The attempts of one call so far. A driver that awaits outside Rust (the
/// wasm shell) keeps them between steps as [`Attempts::to_number`].
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

/// Where [`Attempts::to_number`] puts the total retry delay.
const DELAY_SHIFT: u32 = 19;

impl Attempts {
    /// The attempts as one whole number below 2^53, so exact as a JS
    /// number: how a driver that awaits outside Rust keeps them between
    /// steps. `max_attempts` and `attempts` must be below 256.
    pub fn to_number(&self) -> f64 {
        let low = u64::from(self.op.index())
            | u64::from(self.outcome_unknown) << 2
            | u64::from(self.max_attempts & 0xFF) << 3
            | u64::from(self.metadata.attempts & 0xFF) << 11;
        (u64::from(self.metadata.total_retry_delay) << DELAY_SHIFT | low) as f64
    }

    /// The attempts that [`Attempts::to_number`] turned into `n`.
    pub fn from_number(n: f64) -> Attempts {
        let bits = n as u64;
        let byte = |shift: u32| (bits >> shift & 0xFF) as u32;
        Attempts {
            op: Operation::from_index((bits & 3) as u32),
            max_attempts: byte(3),
            metadata: Metadata {
                attempts: byte(11),
                total_retry_delay: (bits >> DELAY_SHIFT) as u32,
                ..Metadata::default()
            },
            outcome_unknown: bits & 4 != 0,
        }
    }

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
        // A bare HTTP 429 (from a proxy or a WAF in front of Cognito) is throttling too.
        let throttled =
            error.name == TOO_MANY_REQUESTS || error.metadata.http_status_code == Some(429);
        let unknown_outcome = error.name == NETWORK_ERROR
            || error.name == TIMEOUT_ERROR
            || error.metadata.http_status_code.is_some_and(|s| s >= 500);
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
