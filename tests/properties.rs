//! Properties of the core over generated inputs: request bodies read back
//! to the values they were built from, and no input makes the checks, the
//! endpoint resolution or the response reader panic.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use cognito_signup::checks::check;
use cognito_signup::endpoint::{check_custom, resolve};
use cognito_signup::error::UNKNOWN_ERROR;
use cognito_signup::operation::Operation;
use cognito_signup::password_policy::{unmet_rules, PasswordPolicy};
use cognito_signup::request::{Attribute, Request};
use cognito_signup::response::{read, HttpResponse};
use common::{Json, RegexMatcher};
use proptest::prelude::*;
use serde_json::Value;

const OPS: [Operation; 4] = [
    Operation::SignUp,
    Operation::ConfirmSignUp,
    Operation::ResendConfirmationCode,
    Operation::InitiateAuth,
];

fn text() -> impl Strategy<Value = String> {
    any::<String>().prop_map(|s| s.chars().take(40).collect())
}

fn request() -> impl Strategy<Value = Request> {
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(proptest::collection::vec(
            (text(), proptest::option::of(text())),
            0..4,
        )),
        proptest::option::of(proptest::collection::vec((text(), text()), 0..4)),
        proptest::option::of(any::<bool>()),
        proptest::option::of(text()),
        proptest::option::of(proptest::collection::vec((text(), text()), 0..4)),
    )
        .prop_map(
            |(client_id, username, password, attributes, metadata, force, flow, parameters)| {
                Request {
                    client_id,
                    username,
                    password,
                    user_attributes: attributes.map(|list| {
                        list.into_iter()
                            .map(|(name, value)| Attribute { name, value })
                            .collect()
                    }),
                    client_metadata: metadata,
                    force_alias_creation: force,
                    auth_flow: flow,
                    auth_parameters: parameters,
                    ..Request::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_request_body_reads_back_to_its_values(r in request()) {
        let body: Value = serde_json::from_str(&r.to_json()).unwrap();
        let s = |v: &Option<String>| v.as_ref().map(|s| Value::String(s.clone()));
        prop_assert_eq!(body.get("ClientId").cloned(), s(&r.client_id));
        prop_assert_eq!(body.get("Username").cloned(), s(&r.username));
        prop_assert_eq!(body.get("Password").cloned(), s(&r.password));
        prop_assert_eq!(body.get("ForceAliasCreation").cloned(), r.force_alias_creation.map(Value::Bool));
        for (i, a) in r.user_attributes.iter().flatten().enumerate() {
            prop_assert_eq!(&body["UserAttributes"][i]["Name"], &Value::String(a.name.clone()));
            prop_assert_eq!(body["UserAttributes"][i].get("Value").cloned(), s(&a.value));
        }
        prop_assert_eq!(body.get("AuthFlow").cloned(), s(&r.auth_flow));
        for (member, map) in [("ClientMetadata", &r.client_metadata), ("AuthParameters", &r.auth_parameters)] {
            // A repeated key keeps its last value, as JSON.parse reads it.
            for (key, _) in map.iter().flatten() {
                let last = map.iter().flatten().rev().find(|(k, _)| k == key).map(|(_, v)| v.clone());
                prop_assert_eq!(body[member].get(key).cloned(), last.map(Value::String));
            }
        }
        prop_assert!(!r.to_json().contains("null"));
    }

    #[test]
    fn the_checks_never_panic(r in request(), op in 0usize..4, min in 0u32..120, flags in any::<[bool; 4]>()) {
        let policy = PasswordPolicy {
            minimum_length: Some(min),
            require_uppercase: flags[0],
            require_lowercase: flags[1],
            require_numbers: flags[2],
            require_symbols: flags[3],
        };
        let problems = check(OPS[op], &r, Some(&policy), &RegexMatcher);
        prop_assert!(problems.iter().all(|p| !p.field.is_empty() && !p.message.is_empty()));
        let _ = unmet_rules(r.password.as_deref().unwrap_or_default(), &policy);
    }

    #[test]
    fn endpoint_resolution_never_panics(region in text(), url in text(), fips in any::<bool>(), dual in any::<bool>()) {
        if let Some(resolved) = resolve(&region, fips, dual) {
            prop_assert!(resolved.starts_with("https://cognito-idp"));
        }
        if check_custom(&url).is_ok() {
            prop_assert!(url.to_ascii_lowercase().starts_with("http"));
        }
    }

    #[test]
    fn any_answer_is_a_result_or_a_typed_error(
        bytes in proptest::collection::vec(any::<u8>(), 0..200),
        members in proptest::collection::vec((text(), any::<bool>()), 0..3),
        as_object in any::<bool>(),
        status in 0u16..1000,
        op in 0usize..4,
    ) {
        // Random bytes, or a JSON object of random members (with UserSub and
        // UserConfirmed among the names tried), to reach every branch.
        let object: serde_json::Map<String, Value> = members
            .into_iter()
            .enumerate()
            .map(|(i, (key, flag))| match i {
                0 => ("UserSub".to_string(), Value::String(key)),
                1 => ("UserConfirmed".to_string(), Value::Bool(flag)),
                _ => (key, Value::Bool(flag)),
            })
            .collect();
        let text = if as_object { Value::Object(object).to_string() } else { String::from_utf8_lossy(&bytes).into_owned() };
        let body = Json::parse(&text);
        let got = read(OPS[op], HttpResponse { status, request_id: None, error_type_header: None, body: body.as_ref() });
        match got {
            Ok(_) => prop_assert!((200..300).contains(&status)),
            Err(e) => {
                prop_assert_eq!(e.metadata.http_status_code, Some(status));
                prop_assert!(!e.name.is_empty());
                if body.is_none() {
                    prop_assert_eq!(&*e.name, UNKNOWN_ERROR);
                }
            }
        }
    }
}
