//! One call as a sans-IO machine: it performs no I/O and never waits. Made
//! from an operation, its request and a config (refusing bad input then), it
//! answers each [`Event`] from the outside world with the next [`Step`] a
//! driver must perform: compute a SecretHash, send a request, wait, or stop
//! with the result. Every decision is the machine's; a driver (the JS
//! package's `js/call.js`, or an async Rust function) only performs steps.
use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;
use core::fmt;

use crate::checks::{self, PatternMatcher};
use crate::config::Config;
use crate::error::{Error, Metadata, Problem};
use crate::http::HttpRequest;
use crate::operation::{Member, Operation};
use crate::request::Request;
use crate::response::{self, HttpResponse, JsonObject};
use crate::retry::Attempts;
use crate::secret_hash;

/// What the driver must do next.
pub enum Step {
    /// Compute Base64(HMAC-SHA256(`secret`, `message`)), then resume with
    /// [`Event::SecretHash`].
    SecretHash {
        /// The client secret, the HMAC's key.
        secret: String,
        /// The HMAC's message: the username and the client id.
        message: String,
    },
    /// Send `request`, for at most `timeout_ms` if given, then resume with
    /// [`Event::Answer`] or [`Event::NoAnswer`]; or with [`Event::Aborted`]
    /// if the caller aborted before it was sent.
    Send {
        /// The request to send.
        request: HttpRequest,
        /// The longest the attempt may take, in milliseconds.
        timeout_ms: Option<u32>,
    },
    /// Wait `ms` milliseconds, then resume with [`Event::WaitOver`], or with
    /// [`Event::Aborted`] if the caller aborts first.
    Wait {
        /// How long to wait.
        ms: u32,
    },
    /// The call is over: the metadata of the answer that succeeded (whose
    /// body the driver hands back), or the call's error.
    Done(Result<Metadata, Error>),
}

/// Hides the client secret and the body (which may hold the password).
impl fmt::Debug for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::SecretHash { .. } => f.write_str("SecretHash"),
            Step::Send {
                request,
                timeout_ms,
            } => f
                .debug_struct("Send")
                .field("request", request)
                .field("timeout_ms", timeout_ms)
                .finish(),
            Step::Wait { ms } => f.debug_struct("Wait").field("ms", ms).finish(),
            Step::Done(result) => f.debug_tuple("Done").field(result).finish(),
        }
    }
}

/// What happened since the last step.
pub enum Event<'a, J> {
    /// The SecretHash asked for, or `None` when the platform could not
    /// compute it (no WebCrypto).
    SecretHash(Option<String>),
    /// The request got an answer.
    Answer(HttpResponse<'a, J>),
    /// The request was sent and got no answer.
    NoAnswer(Failure<'a>),
    /// The wait is over.
    WaitOver,
    /// The caller aborted before the request was sent, or during a wait.
    Aborted,
}

/// Why a request that was sent got no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure<'a> {
    /// The network failed, in the platform's words.
    Network(&'a str),
    /// The attempt took longer than its timeout.
    Timeout,
    /// The caller aborted while the request was in flight.
    Aborted,
}

/// Which event the call waits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Awaiting {
    Start,
    SecretHash,
    Answer,
    WaitOver,
    Nothing,
}

/// One call of an operation, from its checked input to its result.
pub struct Call {
    request: Request,
    url: String,
    client_secret: Option<String>,
    timeout_ms: Option<u32>,
    attempts: Attempts,
    awaiting: Awaiting,
    random: fn() -> f64,
}

/// Hides the request and the client secret.
impl fmt::Debug for Call {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call")
            .field("url", &self.url)
            .field("attempts", &self.attempts)
            .field("awaiting", &self.awaiting)
            .finish_non_exhaustive()
    }
}

impl Call {
    /// A call of `op` with `request` and `config`, or the refusal listing
    /// every problem: `found` (what reading the input found, such as a value
    /// of the wrong type, reported first), the service model's and the
    /// password policy's rules (checked with `matcher`), and the config's.
    /// `random` gives the retry jitter, uniform in `[0, 1)`.
    pub fn new(
        op: Operation,
        request: Request,
        config: Config,
        mut found: Vec<Problem>,
        matcher: &impl PatternMatcher,
        random: fn() -> f64,
    ) -> Result<Call, Error> {
        let url = config.resolve_url();
        let policy = config.password_policy.as_ref();
        // A value of the wrong type was read as absent: its field already has a
        // problem, which "is required" would only repeat.
        let mut checked = checks::check(op, &request, policy, matcher);
        checked.retain(|p| !found.iter().any(|seen| seen.field == p.field));
        found.append(&mut checked);
        let url = url
            .map_err(|problem| found.push(problem))
            .unwrap_or_default();
        if config.client_secret.is_some() {
            if request.secret_hash.is_some() {
                found.push(Problem::new(
                    "SecretHash",
                    "cannot be given with config.clientSecret",
                ));
            }
            if request.auth_parameter("SECRET_HASH").is_some() {
                let map = "AuthParameters.SECRET_HASH";
                #[cfg(any(feature = "client", feature = "srp"))]
                let map = match request.challenge_responses {
                    Some(_) => "ChallengeResponses.SECRET_HASH",
                    None => map,
                };
                found.push(Problem::new(
                    map,
                    "cannot be given with config.clientSecret",
                ));
            }
        }
        if !found.is_empty() {
            return Err(Error::refused(found));
        }
        Ok(Call {
            request,
            url,
            client_secret: config.client_secret,
            timeout_ms: config.timeout_ms,
            attempts: Attempts::new(op, config.max_attempts),
            awaiting: Awaiting::Start,
            random,
        })
    }

    /// The first step: a SecretHash to compute, or the first request.
    pub fn start(&mut self) -> Step {
        if self.awaiting != Awaiting::Start {
            return self.out_of_order();
        }
        // Only the calls that name a user of the app client carry a SecretHash.
        let op = self.attempts.op;
        let hashed = op.takes(Member::SecretHash).is_some() || op.takes(Member::AuthFlow).is_some();
        #[cfg(any(feature = "client", feature = "srp"))]
        let hashed = hashed || op.takes(Member::ChallengeName).is_some();
        let Some(secret) = self.client_secret.as_ref().filter(|_| hashed) else {
            return self.send();
        };
        let r = &self.request;
        let username = r.hashed_username().unwrap_or_default();
        let client_id = r.client_id.as_deref().unwrap_or_default();
        self.awaiting = Awaiting::SecretHash;
        Step::SecretHash {
            secret: secret.clone(),
            message: secret_hash::message(username, client_id),
        }
    }

    /// The step that follows `event`.
    pub fn next<J: JsonObject>(&mut self, event: Event<'_, J>) -> Step {
        match (self.awaiting, event) {
            (Awaiting::SecretHash, Event::SecretHash(Some(hash))) => {
                // InitiateAuth carries it among its AuthParameters, RespondToAuthChallenge among its ChallengeResponses.
                let r = &mut self.request;
                let parameters = r.auth_parameters.as_mut();
                #[cfg(any(feature = "client", feature = "srp"))]
                let parameters = parameters.or(r.challenge_responses.as_mut());
                match parameters {
                    Some(pairs) => pairs.push((String::from("SECRET_HASH"), hash)),
                    None => r.secret_hash = Some(hash),
                }
                self.send()
            }
            (Awaiting::SecretHash, Event::SecretHash(None)) => {
                self.done(Err(Error::refused(vec![Problem::new(
                    "config.clientSecret",
                    "needs WebCrypto (crypto.subtle), which failed",
                )])))
            }
            (Awaiting::Answer, Event::Answer(answer)) => {
                self.attempts.start();
                let status = answer.status;
                let request_id = answer.request_id.map(String::from);
                match response::read(self.attempts.op, answer) {
                    Ok(_) => self.done(Ok(Metadata {
                        http_status_code: Some(status),
                        request_id,
                        ..self.attempts.metadata().clone()
                    })),
                    Err(error) => self.after(error),
                }
            }
            (Awaiting::Answer, Event::NoAnswer(failure)) => {
                self.attempts.start();
                self.after(match failure {
                    Failure::Network(words) => Error::network(words),
                    Failure::Timeout => Error::timeout(),
                    Failure::Aborted => Error::aborted(),
                })
            }
            (Awaiting::WaitOver, Event::WaitOver) => self.send(),
            (Awaiting::SecretHash | Awaiting::Answer | Awaiting::WaitOver, Event::Aborted) => {
                self.after(Error::aborted())
            }
            _ => self.out_of_order(),
        }
    }

    /// Ends a call that was given an event it did not wait for.
    fn out_of_order(&mut self) -> Step {
        self.done(Err(Error::misdriven()))
    }

    /// Sends the request (again).
    fn send(&mut self) -> Step {
        self.awaiting = Awaiting::Answer;
        Step::Send {
            request: HttpRequest::new(self.attempts.op, self.url.clone(), &self.request),
            timeout_ms: self.timeout_ms,
        }
    }

    /// After an attempt failed with `error`: a wait before the next
    /// attempt, or the call's final error.
    fn after(&mut self, error: Error) -> Step {
        match self.attempts.retry_delay(&error, (self.random)()) {
            Some(ms) => {
                self.awaiting = Awaiting::WaitOver;
                Step::Wait { ms }
            }
            None => {
                let error = self.attempts.fail(error);
                self.done(Err(error))
            }
        }
    }

    fn done(&mut self, result: Result<Metadata, Error>) -> Step {
        self.awaiting = Awaiting::Nothing;
        Step::Done(result)
    }
}
