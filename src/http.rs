//! The HTTP request of a call: Cognito's unauthenticated JSON 1.1 protocol.
use alloc::string::String;
use core::fmt;

use crate::operation::Operation;
use crate::request::Request;

/// The `Content-Type` of every request.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// A request ready for `fetch`: always `POST`, with no credentials or cookies.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The endpoint URL.
    pub url: String,
    /// The `X-Amz-Target` header: which operation.
    pub target: &'static str,
    /// The JSON body. It may hold the password: never log it.
    pub body: String,
}

impl HttpRequest {
    /// The request that sends `request` to `url` as `op`.
    pub fn new(op: Operation, url: String, request: &Request) -> HttpRequest {
        HttpRequest {
            url,
            target: op.target(),
            body: request.to_json(),
        }
    }

    /// The headers to send, as name-value pairs.
    pub fn headers(&self) -> [(&'static str, &'static str); 2] {
        [
            ("Content-Type", CONTENT_TYPE),
            ("X-Amz-Target", self.target),
        ]
    }
}

/// Hides the body, which may hold the password.
impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("url", &self.url)
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}
