//! The checks against every constraint of the service model, driven by the
//! spec file itself: at, below and above each length bound, every required
//! member, and the patterns.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use cognito_signup::checks::{
    check, PatternMatcher, ATTRIBUTE_NAME_ASCII, ATTRIBUTE_NAME_PATTERN, USERNAME_ASCII,
    USERNAME_PATTERN,
};
use cognito_signup::operation::{Operation, Takes};
use cognito_signup::password_policy::PasswordPolicy;
use cognito_signup::request::{AnalyticsMetadata, Attribute, Document, Request, UserContextData};
use common::{spec, RegexMatcher};
use serde_json::Value;

const OPS: [Operation; 3] = [
    Operation::SignUp,
    Operation::ConfirmSignUp,
    Operation::ResendConfirmationCode,
];

fn valid(op: Operation) -> Request {
    let mut r = Request {
        client_id: Some("68e85b52e7d44c498803410ca0".into()),
        username: Some("alice".into()),
        ..Request::default()
    };
    match op {
        Operation::SignUp => r.password = Some("Passw0rd!".into()),
        Operation::ConfirmSignUp => r.confirmation_code = Some("123456".into()),
        Operation::ResendConfirmationCode => {}
        Operation::InitiateAuth => {
            r.username = None;
            r.auth_flow = Some("USER_PASSWORD_AUTH".into());
            r.auth_parameters = Some(vec![
                ("USERNAME".into(), "alice".into()),
                ("PASSWORD".into(), "Passw0rd!".into()),
            ]);
        }
        Operation::AssociateSoftwareToken | Operation::VerifySoftwareToken => {
            r.client_id = None;
            r.username = None;
            r.access_token = Some("eyJraWQiOiJhYmMifQ.eyJzdWIiOiJ4In0.c2ln".into());
            if op == Operation::VerifySoftwareToken {
                r.user_code = Some("123456".into());
            }
        }
        Operation::StartWebAuthnRegistration | Operation::CompleteWebAuthnRegistration => {
            r.client_id = None;
            r.username = None;
            r.access_token = Some("eyJraWQiOiJhYmMifQ.eyJzdWIiOiJ4In0.c2ln".into());
            if op == Operation::CompleteWebAuthnRegistration {
                r.credential = Some(Document(r#"{"id":"abc","type":"public-key"}"#.into()));
            }
        }
        Operation::RespondToAuthChallenge => {
            r.username = None;
            r.challenge_name = Some("SMS_MFA".into());
            r.challenge_responses = Some(vec![
                ("USERNAME".into(), "alice".into()),
                ("SMS_MFA_CODE".into(), "123456".into()),
            ]);
        }
    }
    r
}

fn problems(op: Operation, r: &Request) -> Vec<(String, String)> {
    check(op, r, None, &RegexMatcher)
        .into_iter()
        .map(|p| (p.field, p.message.into_owned()))
        .collect()
}

/// Sets a top-level string member by its wire name.
fn set(r: &mut Request, member: &str, value: String) {
    let slot = match member {
        "ClientId" => &mut r.client_id,
        "Username" => &mut r.username,
        "Password" => &mut r.password,
        "SecretHash" => &mut r.secret_hash,
        "ConfirmationCode" => &mut r.confirmation_code,
        "Session" => &mut r.session,
        other => panic!("no string member {other}"),
    };
    *slot = Some(value);
}

fn shape<'a>(model: &'a Value, name: &str) -> &'a Value {
    &model["shapes"][name]
}

/// The string members of an operation's input, with their shape.
fn string_members(model: &Value, op: Operation) -> Vec<(String, Value)> {
    let input = shape(model, &format!("{}Request", op.name()));
    input["members"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(name, m)| {
            (
                name.clone(),
                shape(model, m["shape"].as_str().unwrap()).clone(),
            )
        })
        .filter(|(_, s)| s["type"] == "string")
        .collect()
}

#[test]
fn every_string_member_is_checked_at_below_and_above_its_length_bounds() {
    let model = spec("cognito-idp-signup.json");
    let mut cases = 0;
    for op in OPS {
        for (member, s) in string_members(&model, op) {
            let min = s["min"].as_u64().unwrap_or(0) as usize;
            // PasswordType has no min, but its pattern needs one character.
            let min = if s.get("pattern").is_some() {
                min.max(1)
            } else {
                min
            };
            let max = s["max"].as_u64().unwrap() as usize;
            for (len, ok) in [
                (min.wrapping_sub(1), false),
                (min, true),
                (max, true),
                (max + 1, false),
            ] {
                if len == usize::MAX {
                    continue;
                }
                let mut r = valid(op);
                set(&mut r, &member, "a".repeat(len));
                let found = problems(op, &r);
                let on_member: Vec<_> = found.iter().filter(|(f, _)| *f == member).collect();
                assert_eq!(
                    on_member.is_empty(),
                    ok,
                    "{} {member} of length {len} (bounds {min}..={max}): {found:?}",
                    op.name()
                );
                assert!(found.iter().all(|(f, _)| *f == member), "{found:?}");
                cases += 1;
            }
        }
    }
    assert!(cases >= 30, "only {cases} cases");
}

#[test]
fn lengths_count_characters_not_bytes() {
    let mut r = valid(Operation::SignUp);
    r.username = Some("é".repeat(128));
    assert!(problems(Operation::SignUp, &r).is_empty());
    r.username = Some("é".repeat(129));
    assert_eq!(
        problems(Operation::SignUp, &r),
        vec![("Username".into(), "must have at most 128 characters".into())]
    );
}

#[test]
fn every_required_member_is_required() {
    let model = spec("cognito-idp-signup.json");
    for op in OPS {
        let input = shape(&model, &format!("{}Request", op.name()));
        let required = input["required"].as_array().unwrap();
        assert!(required.len() >= 2);
        for member in required {
            let member = member.as_str().unwrap();
            let mut r = valid(op);
            match member {
                "ClientId" => r.client_id = None,
                "Username" => r.username = None,
                "ConfirmationCode" => r.confirmation_code = None,
                other => panic!("unexpected required member {other}"),
            }
            assert_eq!(
                problems(op, &r),
                vec![(member.to_string(), "is required".to_string())],
                "{}",
                op.name()
            );
        }
        assert!(problems(op, &valid(op)).is_empty());
    }
}

#[test]
fn patterns_are_the_spec_patterns() {
    let model = spec("cognito-idp-signup.json");
    assert_eq!(shape(&model, "UsernameType")["pattern"], USERNAME_PATTERN);
    assert_eq!(
        shape(&model, "AttributeNameType")["pattern"],
        ATTRIBUTE_NAME_PATTERN
    );
    assert_eq!(shape(&model, "ClientIdType")["pattern"], r"[\w+]+");
    assert_eq!(shape(&model, "SecretHashType")["pattern"], r"[\w+=/]+");
    assert_eq!(shape(&model, "ConfirmationCodeType")["pattern"], r"[\S]+");
    assert_eq!(shape(&model, "PasswordType")["pattern"], r"[\S]+");
}

/// The ASCII fast paths decide every ASCII character as the Unicode
/// patterns do, so an ASCII value never needs the platform's `RegExp`.
#[test]
fn ascii_classes_agree_with_the_unicode_patterns() {
    for (pattern, ascii) in [
        (USERNAME_PATTERN, USERNAME_ASCII),
        (ATTRIBUTE_NAME_PATTERN, ATTRIBUTE_NAME_ASCII),
    ] {
        for b in 0..=0x7f_u8 {
            let value = char::from(b).to_string();
            assert_eq!(
                ascii.contains(b),
                common::RegexMatcher.full_match(pattern, &value),
                "{pattern} on {b:#04x}"
            );
        }
    }
}

/// The members with ASCII-class patterns (Java's `\w` and `\S`) accept
/// exactly the characters the model's pattern does, ASCII or not.
#[test]
fn ascii_class_members_agree_with_their_patterns() {
    let cases = [
        (Operation::SignUp, "ClientId", r"(?-u:[\w+])+"),
        (Operation::SignUp, "SecretHash", r"(?-u:[\w+=/])+"),
        (
            Operation::ConfirmSignUp,
            "ConfirmationCode",
            r"[^ \t\n\x0B\x0C\r]+",
        ),
    ];
    let others = ['é', '名', '\u{2003}', '\u{7f}'];
    for (op, member, pattern) in cases {
        let whole = regex::Regex::new(&format!("^(?:{pattern})$")).unwrap();
        for c in (0..=0x7f_u8).map(char::from).chain(others) {
            let value = format!("a{c}");
            let mut r = valid(op);
            set(&mut r, member, value.clone());
            let refused = problems(op, &r).iter().any(|(field, _)| field == member);
            assert_eq!(refused, !whole.is_match(&value), "{member} {value:?}");
        }
    }
}

#[test]
fn patterns_must_match_the_whole_value() {
    let table: &[(&str, &str, bool)] = &[
        ("Username", "alice", true),
        ("Username", "alice@example.com", true),
        ("Username", "+4915112345678", true),
        ("Username", "Ærøskøbing_Ünïcødé", true),
        ("Username", "名前", true),
        ("Username", "alice smith", false),
        ("Username", "alice\t", false),
        ("Username", "alice\u{0}", false),
        ("Username", "\u{a0}alice", false),
        ("ClientId", "abc_DEF+123", true),
        ("ClientId", "abc-def", false),
        ("ClientId", "abcé", false),
        (
            "SecretHash",
            "5jugCT9w8FrdHCnt345KqRl16xXMKAnYMNA9E7nLzqo=",
            true,
        ),
        ("SecretHash", "d3Jvbmc_aGFzaA+/", true),
        ("SecretHash", "not-base64", false),
        ("ConfirmationCode", "833617", true),
        ("ConfirmationCode", "833 617", false),
        ("ConfirmationCode", "833617\n", false),
        ("Password", "Passw0rd!", true),
        ("Password", "correct horse battery", true),
        ("Password", " leading", false),
        ("Password", "trailing ", false),
        ("Password", "tab\tinside", false),
        ("Password", "line\nbreak", false),
        ("Password", "ünïcødé-pässwörd", true),
    ];
    for (member, value, ok) in table {
        let op = if *member == "ConfirmationCode" {
            Operation::ConfirmSignUp
        } else {
            Operation::SignUp
        };
        let mut r = valid(op);
        set(&mut r, member, value.to_string());
        let found = problems(op, &r);
        assert_eq!(found.is_empty(), *ok, "{member} = {value:?}: {found:?}");
    }
}

#[test]
fn attributes_are_checked_by_index_name_and_value() {
    let mut r = valid(Operation::SignUp);
    let attr = |name: &str, value: Option<String>| Attribute {
        name: name.into(),
        value,
    };
    r.user_attributes = Some(vec![
        attr("email", Some("alice@example.com".into())),
        attr("custom:city", Some("Oslo".into())),
        attr(&"n".repeat(33), Some("x".into())),
        attr("", None),
        attr("bio", Some("v".repeat(2049))),
        attr("nick name", Some("v".repeat(2048))),
        attr("bad\u{7}", None),
    ]);
    r.validation_data = Some(vec![attr(&"k".repeat(32), Some(String::new()))]);
    assert_eq!(
        problems(Operation::SignUp, &r),
        vec![
            (
                "UserAttributes[2].Name".into(),
                "must have at most 32 characters".into()
            ),
            ("UserAttributes[3].Name".into(), "must not be empty".into()),
            (
                "UserAttributes[4].Value".into(),
                "must have at most 2048 characters".into()
            ),
            (
                "UserAttributes[6].Name".into(),
                "must not contain control characters".into()
            ),
        ]
    );
}

#[test]
fn nested_string_members_have_the_string_type_bound() {
    let mut r = valid(Operation::ResendConfirmationCode);
    let big = "x".repeat(131_073);
    r.analytics_metadata = Some(AnalyticsMetadata {
        analytics_endpoint_id: Some(big.clone()),
    });
    r.user_context_data = Some(UserContextData {
        ip_address: Some("192.0.2.1".into()),
        encoded_data: Some(big.clone()),
    });
    r.client_metadata = Some(vec![("k".into(), big.clone()), (big, "v".into())]);
    let fields: Vec<_> = problems(Operation::ResendConfirmationCode, &r)
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields.len(), 4, "{fields:?}");
    assert_eq!(fields[0], "AnalyticsMetadata.AnalyticsEndpointId");
    assert_eq!(fields[1], "UserContextData.EncodedData");
    assert_eq!(fields[2], "ClientMetadata.k");
    assert!(fields[3].ends_with(" (key)"));
}

#[test]
fn members_of_another_operation_are_refused() {
    let mut r = valid(Operation::ConfirmSignUp);
    r.password = Some("Passw0rd!".into());
    r.user_attributes = Some(vec![]);
    assert_eq!(
        problems(Operation::ConfirmSignUp, &r),
        vec![
            (
                "Password".into(),
                "is not a member of ConfirmSignUpRequest".into()
            ),
            (
                "UserAttributes".into(),
                "is not a member of ConfirmSignUpRequest".into()
            ),
        ]
    );
    let mut r = valid(Operation::SignUp);
    r.force_alias_creation = Some(true);
    r.session = Some("s".repeat(20));
    assert_eq!(problems(Operation::SignUp, &r).len(), 2);
}

#[test]
fn every_problem_is_listed_at_once() {
    let r = Request {
        username: Some("has space".into()),
        password: Some(" x".into()),
        ..Request::default()
    };
    let policy = PasswordPolicy {
        minimum_length: Some(8),
        require_numbers: true,
        ..PasswordPolicy::default()
    };
    let found = check(Operation::SignUp, &r, Some(&policy), &RegexMatcher);
    let fields: Vec<_> = found.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["ClientId", "Username", "Password", "Password", "Password"]
    );
    assert_eq!(found.iter().filter(|p| p.policy).count(), 2);
}

/// Each operation's table of members is its input shape in the service model: the same members,
/// the same required ones.
#[test]
fn each_operation_takes_exactly_the_members_of_its_input_shape() {
    for &op in Operation::ALL {
        let file = match op {
            Operation::InitiateAuth => "cognito-idp-signin-and-pool.json",
            Operation::SignUp | Operation::ConfirmSignUp | Operation::ResendConfirmationCode => {
                "cognito-idp-signup.json"
            }
            _ => "cognito-idp-challenges-and-passkeys.json",
        };
        let model = spec(file);
        let input = shape(&model, &format!("{}Request", op.name()));
        let mut want: Vec<(String, bool)> = input["members"]
            .as_object()
            .unwrap()
            .keys()
            .map(|name| {
                (
                    name.clone(),
                    input["required"]
                        .as_array()
                        .is_some_and(|required| required.iter().any(|r| r == name)),
                )
            })
            .collect();
        let mut have: Vec<(String, bool)> = op
            .members()
            .iter()
            .map(|&(m, takes)| (m.name().to_string(), takes == Takes::Required))
            .collect();
        want.sort();
        have.sort();
        assert_eq!(have, want, "{}", op.name());
    }
}

/// Sets one member of a request.
type Carry = fn(&mut Request);

/// A member an operation has not is refused before sending, naming the operation's input shape.
#[test]
fn every_member_outside_an_operations_table_is_refused() {
    let carrying: [(&str, Carry); 20] = [
        ("ClientId", |r| r.client_id = Some("c".into())),
        ("SecretHash", |r| r.secret_hash = Some("h".into())),
        ("Username", |r| r.username = Some("u".into())),
        ("AuthFlow", |r| r.auth_flow = Some("USER_AUTH".into())),
        ("AuthParameters", |r| r.auth_parameters = Some(vec![])),
        ("AnalyticsMetadata", |r| {
            r.analytics_metadata = Some(AnalyticsMetadata::default())
        }),
        ("UserContextData", |r| {
            r.user_context_data = Some(UserContextData::default())
        }),
        ("ClientMetadata", |r| r.client_metadata = Some(vec![])),
        ("Password", |r| r.password = Some("p".into())),
        ("UserAttributes", |r| r.user_attributes = Some(vec![])),
        ("ValidationData", |r| r.validation_data = Some(vec![])),
        ("ConfirmationCode", |r| {
            r.confirmation_code = Some("1".into())
        }),
        ("ForceAliasCreation", |r| {
            r.force_alias_creation = Some(true)
        }),
        ("Session", |r| r.session = Some("s".repeat(20))),
        ("ChallengeName", |r| {
            r.challenge_name = Some("SMS_MFA".into())
        }),
        ("ChallengeResponses", |r| {
            r.challenge_responses = Some(vec![])
        }),
        ("AccessToken", |r| r.access_token = Some("t".into())),
        ("UserCode", |r| r.user_code = Some("123456".into())),
        ("FriendlyDeviceName", |r| {
            r.friendly_device_name = Some("phone".into())
        }),
        ("Credential", |r| r.credential = Some(Document("{}".into()))),
    ];
    for &op in Operation::ALL {
        for (name, carry) in carrying {
            let mut r = Request::default();
            carry(&mut r);
            let refused = problems(op, &r).contains(&(
                name.to_string(),
                format!("is not a member of {}Request", op.name()),
            ));
            let taken = op.members().iter().any(|(m, _)| m.name() == name);
            assert_eq!(refused, !taken, "{name} in {}", op.name());
        }
    }
}
