//! Reading an HTTP response into a result or a typed error.
//!
//! A success is a 2xx whose body is a JSON object with the operation's
//! required members. A failure names the Cognito exception from the body's
//! `__type` (or `code`), falling back to the `x-amzn-errortype` header, which
//! browsers can read only when CORS exposes it. Anything else (HTML from a
//! proxy, an empty 502, a 200 from something that is not Cognito) is an
//! `UnknownError` that carries the status.
use alloc::borrow::Cow;
use alloc::string::String;

use crate::error::{Error, ErrorKind, Fault, INVALID_PARAMETER, UNKNOWN_ERROR};
use crate::operation::{JsonKind, Operation};
use crate::text::{before, push_decimal, split_last};

/// A response body that parsed as a JSON object, seen through the platform's
/// JSON parser (`JSON.parse` in the wasm build).
pub trait JsonObject {
    /// The member `key`, if it is a string.
    fn string(&self, key: &'static str) -> Option<String>;
    /// Whether the member `key` is present with the JSON type `kind`.
    fn has(&self, key: &'static str, kind: JsonKind) -> bool;
}

/// What arrived: the status, the request id and the error-type header if
/// readable, and the body if it parsed as a JSON object.
pub struct HttpResponse<'a, J> {
    /// The HTTP status code.
    pub status: u16,
    /// The `x-amzn-requestid` header, when readable.
    pub request_id: Option<&'a str>,
    /// The `x-amzn-errortype` header, when readable.
    pub error_type_header: Option<&'a str>,
    /// The body as a JSON object, or `None` if it is empty or not one.
    pub body: Option<&'a J>,
}

/// Reads `response` for `op`: `Ok` when it is the operation's result (the
/// body, to hand back), else the error it carries.
pub fn read<'a, J: JsonObject>(
    op: Operation,
    response: HttpResponse<'a, J>,
) -> Result<&'a J, Error> {
    let status = response.status;
    let mut error = match (status, response.body) {
        (200..=299, Some(body)) => {
            let missing = op
                .required_output()
                .iter()
                .find(|(key, kind)| !body.has(key, *kind));
            match missing {
                None => return Ok(body),
                Some((key, _)) => Error::new(
                    ErrorKind::Unknown,
                    UNKNOWN_ERROR,
                    [
                        "The response lacks ",
                        key,
                        ": the endpoint may not be Cognito",
                    ]
                    .concat(),
                    Fault::Server,
                ),
            }
        }
        (400..=599, body) => match service_error(body, response.error_type_header) {
            Some((name, message, reason_code)) => {
                let mut e = Error::new(ErrorKind::Service, name, message, fault_of(status));
                e.reason_code = reason_code;
                e
            }
            None => unknown(status),
        },
        _ => unknown(status),
    };
    error.metadata.http_status_code = Some(status);
    error.metadata.request_id = response.request_id.map(String::from);
    Err(error)
}

type ServiceError = (String, Cow<'static, str>, Option<String>);

/// The exception name, message and `reasonCode` of an error response, when
/// it names one.
fn service_error<J: JsonObject>(body: Option<&J>, header: Option<&str>) -> Option<ServiceError> {
    let from_body = body.and_then(|b| b.string("__type").or_else(|| b.string("code")));
    let name = match from_body {
        Some(t) => exception_name(&t),
        None => exception_name(before(header?, |b| b == b':')),
    };
    if name.is_empty() {
        return None;
    }
    let message = body
        .and_then(|b| b.string("message").or_else(|| b.string("Message")))
        .map(Cow::Owned)
        .unwrap_or(Cow::Borrowed("(no message)"));
    let reason_code = body
        .filter(|_| name == INVALID_PARAMETER)
        .and_then(|b| b.string("reasonCode"));
    Some((name, message, reason_code))
}

/// The bare exception name: what follows the last `#` (as in
/// `com.amazonaws…#UsernameExistsException`).
pub fn exception_name(raw: &str) -> String {
    String::from(split_last(raw, b'#').map_or(raw, |(_, name)| name))
}

fn unknown(status: u16) -> Error {
    let mut message = String::from("HTTP ");
    push_decimal(&mut message, status.into());
    message.push_str(" with a body that is not Cognito's");
    Error::new(ErrorKind::Unknown, UNKNOWN_ERROR, message, fault_of(status))
}

/// `client` for a 4xx, else `server`.
fn fault_of(status: u16) -> Fault {
    if (400..500).contains(&status) {
        Fault::Client
    } else {
        Fault::Server
    }
}
