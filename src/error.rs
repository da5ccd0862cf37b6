//! The crate's one error type, shaped as the JavaScript `Error` it becomes.
//!
//! No error text ever holds a value the caller passed in: messages name the
//! field and the rule, never the password, the client secret, the SecretHash
//! or any other input.
use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::text::push_decimal;

/// `InvalidParameterException`: Cognito's name for a refused parameter.
pub const INVALID_PARAMETER: &str = "InvalidParameterException";
/// `InvalidPasswordException`: the password breaks the pool's policy.
pub const INVALID_PASSWORD: &str = "InvalidPasswordException";
/// `UsernameExistsException`: the username is taken.
pub const USERNAME_EXISTS: &str = "UsernameExistsException";
/// `TooManyRequestsException`: Cognito throttled the call.
pub const TOO_MANY_REQUESTS: &str = "TooManyRequestsException";
/// `NetworkError`: `fetch` failed before a response arrived.
pub const NETWORK_ERROR: &str = "NetworkError";
/// `TimeoutError`: an attempt took longer than `timeoutMs`.
pub const TIMEOUT_ERROR: &str = "TimeoutError";
/// `AbortError`: the caller's `abortSignal` fired.
pub const ABORT_ERROR: &str = "AbortError";
/// `UnknownError`: a response that is not a Cognito answer.
pub const UNKNOWN_ERROR: &str = "UnknownError";

/// Whose fault an error is, as the AWS SDK's `$fault` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The request was wrong (4xx, or refused before sending).
    Client,
    /// The service or the network failed (5xx, transport errors).
    Server,
}

impl Fault {
    /// The `$fault` string: `client` or `server`.
    pub fn as_str(self) -> &'static str {
        match self {
            Fault::Client => "client",
            Fault::Server => "server",
        }
    }
}

/// What kind of failure an [`Error`] is: what the retry decision matches on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input was refused before anything was sent.
    Refused,
    /// Cognito answered with an exception, named by [`ErrorDetails::name`].
    Service,
    /// `fetch` failed before an answer arrived.
    Network,
    /// An attempt took longer than the configured timeout.
    Timeout,
    /// The caller aborted the call.
    Aborted,
    /// An answer that is not Cognito's (HTML from a proxy, an empty 502, …).
    Unknown,
}

/// One refused input: the field it names and the rule it breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The offending input, e.g. `Username` or `UserAttributes[2].Name`.
    pub field: String,
    /// What is wrong, to follow the field name: `must have at most 128 characters`.
    pub message: Cow<'static, str>,
    /// Whether only the pool's password policy refuses it.
    pub policy: bool,
}

impl Problem {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<Cow<'static, str>>) -> Problem {
        Problem {
            field: field.into(),
            message: message.into(),
            policy: false,
        }
    }
}

/// What the SDK calls `$metadata`: facts about the exchange.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The HTTP status of the last response, if one arrived.
    pub http_status_code: Option<u16>,
    /// `x-amzn-requestid`, when the response exposes it.
    pub request_id: Option<String>,
    /// How many requests were sent (0 when refused before sending).
    pub attempts: u32,
    /// Milliseconds spent waiting between attempts.
    pub total_retry_delay: u32,
}

/// Every failure of a call: refused input, a service error or a transport
/// error. Boxed, so that results stay small where they are moved around.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<ErrorDetails>);

/// What an [`Error`] holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetails {
    /// What kind of failure it is.
    pub kind: ErrorKind,
    /// The error name: the Cognito exception name or a transport name.
    pub name: Cow<'static, str>,
    /// The service's own text, or ours; never an input value.
    pub message: Cow<'static, str>,
    /// `client` or `server`.
    pub fault: Fault,
    /// Every refused input, for errors raised before sending.
    pub problems: Vec<Problem>,
    /// `reasonCode` of an `InvalidParameterException`, when Cognito gives one.
    pub reason_code: Option<String>,
    /// Facts about the exchange.
    pub metadata: Metadata,
    /// Set on a `UsernameExistsException` that follows an attempt whose
    /// outcome is unknown: that attempt may have created the account.
    pub earlier_attempt_may_have_succeeded: bool,
}

impl Error {
    /// An error of `kind` called `name` with `message` and `fault`.
    pub fn new(
        kind: ErrorKind,
        name: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
        fault: Fault,
    ) -> Error {
        Error(Box::new(ErrorDetails {
            kind,
            name: name.into(),
            message: message.into(),
            fault,
            problems: Vec::new(),
            reason_code: None,
            metadata: Metadata::default(),
            earlier_attempt_may_have_succeeded: false,
        }))
    }

    /// `NetworkError`: `fetch` failed, in the platform's `words`.
    pub fn network(words: &str) -> Error {
        let message = ["fetch failed: ", words].concat();
        Error::new(ErrorKind::Network, NETWORK_ERROR, message, Fault::Server)
    }

    /// `TimeoutError`: the attempt outlived the timeout.
    pub fn timeout() -> Error {
        let message = "The attempt took longer than config.timeoutMs";
        Error::new(ErrorKind::Timeout, TIMEOUT_ERROR, message, Fault::Server)
    }

    /// `AbortError`: the caller aborted.
    pub fn aborted() -> Error {
        let message = "The call was aborted by config.abortSignal";
        Error::new(ErrorKind::Aborted, ABORT_ERROR, message, Fault::Client)
    }

    /// The error of a call driven out of order, or of no call: a bug in
    /// its driver, not in the input.
    pub fn misdriven() -> Error {
        let message = "The call was driven out of order (a bug in its driver)";
        Error::new(ErrorKind::Unknown, UNKNOWN_ERROR, message, Fault::Client)
    }

    /// The refusal of bad input, listing every problem. Named
    /// `InvalidPasswordException` when only the password policy objects,
    /// else `InvalidParameterException`, as Cognito would name it.
    pub fn refused(problems: Vec<Problem>) -> Error {
        let name = if problems.iter().all(|p| p.policy) {
            INVALID_PASSWORD
        } else {
            INVALID_PARAMETER
        };
        let mut message = String::new();
        if problems.len() > 1 {
            push_decimal(&mut message, problems.len() as u32);
            message.push_str(" problems: ");
        }
        for (i, problem) in problems.iter().enumerate() {
            if i > 0 {
                message.push_str("; ");
            }
            message.push_str(&problem.field);
            message.push(' ');
            message.push_str(&problem.message);
        }
        message.push('.');
        let mut error = Error::new(ErrorKind::Refused, name, message, Fault::Client);
        error.problems = problems;
        error
    }

    /// The first refused input, as `error.field`.
    pub fn field(&self) -> Option<&str> {
        self.problems.first().map(|p| p.field.as_str())
    }

    /// The Cognito exception name (`UsernameExistsException`), or the one
    /// Cognito would give a refusal before sending, as the AWS SDK's
    /// `ProvideErrorMetadata::code()`; `None` for transport failures.
    pub fn code(&self) -> Option<&str> {
        matches!(self.kind, ErrorKind::Refused | ErrorKind::Service).then_some(&*self.name)
    }

    /// The service's own text, or which rules the input broke.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Every refused input, for a refusal before sending.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// How many requests were sent (0 for a refusal).
    pub fn attempts(&self) -> u32 {
        self.metadata.attempts
    }

    /// `x-amzn-requestid` of the last answer, when it was readable.
    pub fn request_id(&self) -> Option<&str> {
        self.metadata.request_id.as_deref()
    }

    /// Whether an earlier attempt of this SignUp, of unknown outcome, may
    /// have created the account this `UsernameExistsException` reports.
    pub fn earlier_attempt_may_have_succeeded(&self) -> bool {
        self.0.earlier_attempt_may_have_succeeded
    }
}

/// `Name: message`, as a JavaScript error prints.
impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

#[cfg(feature = "std")]
impl std::error::Error for Error {}

impl core::ops::Deref for Error {
    type Target = ErrorDetails;
    fn deref(&self) -> &ErrorDetails {
        &self.0
    }
}

impl core::ops::DerefMut for Error {
    fn deref_mut(&mut self) -> &mut ErrorDetails {
        &mut self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn refusal_lists_every_problem_and_names_the_first_field() {
        let e = Error::refused(vec![
            Problem::new("Username", "is required"),
            Problem::new("UserAttributes[2].Name", "must have at most 32 characters"),
        ]);
        assert_eq!(e.name, INVALID_PARAMETER);
        assert_eq!(
            e.message,
            "2 problems: Username is required; UserAttributes[2].Name must have at most 32 characters."
        );
        assert_eq!(e.field(), Some("Username"));
        assert_eq!(e.fault, Fault::Client);
        assert_eq!(e.metadata.attempts, 0);
    }

    #[test]
    fn refusal_by_the_policy_alone_is_an_invalid_password() {
        let mut p = Problem::new("Password", "must contain a number");
        p.policy = true;
        let e = Error::refused(vec![p.clone()]);
        assert_eq!(e.name, INVALID_PASSWORD);
        assert_eq!(e.message, "Password must contain a number.");
        let mixed = Error::refused(vec![p, Problem::new("Username", "is required")]);
        assert_eq!(mixed.name, INVALID_PARAMETER);
    }
}
