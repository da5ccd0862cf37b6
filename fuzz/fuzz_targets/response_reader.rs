//! Any status and any bytes given to the response reader give a result or a
//! typed error, never a panic.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use cognito_signup::operation::Operation;
use cognito_signup::response::{read, HttpResponse};
use common::Json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [a, b, op, rest @ ..] = data else { return };
    let status = u16::from_le_bytes([*a, *b]);
    let op = [
        Operation::SignUp,
        Operation::ConfirmSignUp,
        Operation::ResendConfirmationCode,
        Operation::InitiateAuth,
    ][usize::from(*op % 4)];
    let (header, body) = rest.split_at(rest.len().min(usize::from(*a % 40)));
    let header = String::from_utf8_lossy(header);
    let text = String::from_utf8_lossy(body);
    let json = Json::parse(&text);
    let response = HttpResponse {
        status,
        request_id: None,
        error_type_header: Some(&header),
        body: json.as_ref(),
    };
    match read(op, response) {
        Ok(_) => assert!((200..300).contains(&status)),
        Err(e) => assert_eq!(e.metadata.http_status_code, Some(status)),
    }
});
