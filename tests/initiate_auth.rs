//! InitiateAuth in the core: its members and bounds from the service model
//! (`cognito-idp-signin-and-pool.json`), the two flows it sends and the
//! refusal of every other, the parameters each flow needs, its JSON body,
//! the SecretHash among its AuthParameters, and Debug output that shows no
//! password, session or token.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use cognito_signup::call::{Call, Event, Step};
use cognito_signup::checks::check;
use cognito_signup::config::Config;
use cognito_signup::error::ErrorKind;
use cognito_signup::operation::Operation;
use cognito_signup::request::{Request, UserContextData};
use common::{spec, Json, RegexMatcher};

const PASSWORD: &str = "Corr3ct-Horse!";
const SESSION: &str = "AYABeBv2z2nEAexampleSessionValue0123456789";

fn password_flow() -> Request {
    Request {
        client_id: Some("abcdefghij1234567890".into()),
        auth_flow: Some("USER_PASSWORD_AUTH".into()),
        auth_parameters: Some(vec![
            ("USERNAME".into(), "alice".into()),
            ("PASSWORD".into(), PASSWORD.into()),
        ]),
        ..Request::default()
    }
}

fn session_flow() -> Request {
    Request {
        auth_flow: Some("USER_AUTH".into()),
        auth_parameters: Some(vec![("USERNAME".into(), "alice".into())]),
        session: Some(SESSION.into()),
        ..password_flow()
    }
}

fn problems(op: Operation, r: &Request) -> Vec<(String, String)> {
    check(op, r, None, &RegexMatcher)
        .into_iter()
        .map(|p| (p.field, p.message.into_owned()))
        .collect()
}

fn fields(op: Operation, r: &Request) -> Vec<String> {
    problems(op, r).into_iter().map(|(f, _)| f).collect()
}

#[test]
fn both_flows_pass_as_given() {
    assert_eq!(problems(Operation::InitiateAuth, &password_flow()), []);
    assert_eq!(problems(Operation::InitiateAuth, &session_flow()), []);
}

#[test]
fn every_other_flow_of_the_model_is_refused_naming_those_this_build_runs() {
    let model = spec("cognito-idp-signin-and-pool.json");
    let flows: Vec<&str> = model["shapes"]["AuthFlowType"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(flows.len(), 8, "{flows:?}");
    for flow in flows {
        let r = Request {
            auth_flow: Some(flow.into()),
            ..password_flow()
        };
        let found = problems(Operation::InitiateAuth, &r);
        if flow == "USER_AUTH" || flow == "USER_PASSWORD_AUTH" {
            assert_eq!(found, [], "{flow}");
        } else if flow == "USER_SRP_AUTH" && cfg!(feature = "srp") {
            // SRP's first message is A, which the password flow's parameters lack.
            let srp_a = (
                "AuthParameters.SRP_A".to_string(),
                "is required".to_string(),
            );
            assert_eq!(found, [srp_a], "{flow}");
        } else {
            assert_eq!(
                found,
                [(
                    "AuthFlow".to_string(),
                    cognito_signup::checks::FLOWS.to_string()
                )],
                "{flow}"
            );
        }
    }
}

#[test]
fn the_model_s_required_members_and_string_bounds_hold() {
    let model = spec("cognito-idp-signin-and-pool.json");
    let input = &model["shapes"]["InitiateAuthRequest"];
    let required: Vec<&str> = input["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["AuthFlow", "ClientId"]);
    let none = Request::default();
    assert_eq!(
        fields(Operation::InitiateAuth, &none),
        ["ClientId", "AuthFlow", "AuthParameters.USERNAME"]
    );
    for (member, slot) in [("ClientId", 0), ("Session", 1)] {
        let shape = &model["shapes"][input["members"][member]["shape"].as_str().unwrap()];
        let (min, max) = (
            shape["min"].as_u64().unwrap() as usize,
            shape["max"].as_u64().unwrap() as usize,
        );
        for (len, ok) in [(min - 1, false), (min, true), (max, true), (max + 1, false)] {
            let mut r = session_flow();
            let value = Some("a".repeat(len));
            if slot == 0 {
                r.client_id = value;
            } else {
                r.session = value;
            }
            let found = fields(Operation::InitiateAuth, &r);
            assert_eq!(found.is_empty(), ok, "{member} of {len}: {found:?}");
        }
    }
}

#[test]
fn each_flow_s_parameters_are_required() {
    let mut r = password_flow();
    r.auth_parameters = Some(vec![("PASSWORD".into(), PASSWORD.into())]);
    assert_eq!(
        problems(Operation::InitiateAuth, &r),
        [(
            "AuthParameters.USERNAME".to_string(),
            "is required".to_string()
        )]
    );
    r.auth_parameters = Some(vec![("USERNAME".into(), "alice".into())]);
    assert_eq!(
        fields(Operation::InitiateAuth, &r),
        ["AuthParameters.PASSWORD"]
    );
    r.auth_parameters = Some(vec![("USERNAME".into(), "al ice".into())]);
    r.auth_flow = Some("USER_AUTH".into());
    assert_eq!(
        fields(Operation::InitiateAuth, &r),
        ["AuthParameters.USERNAME"]
    );
}

#[test]
fn members_of_one_operation_are_refused_in_the_other() {
    let mut r = password_flow();
    r.username = Some("alice".into());
    r.password = Some(PASSWORD.into());
    r.secret_hash = Some("abc=".into());
    r.confirmation_code = Some("123456".into());
    assert_eq!(
        problems(Operation::InitiateAuth, &r)
            .iter()
            .map(|(f, m)| format!("{f}: {m}"))
            .collect::<Vec<_>>(),
        [
            "SecretHash: is not a member of InitiateAuthRequest",
            "Username: is not a member of InitiateAuthRequest",
            "Password: is not a member of InitiateAuthRequest",
            "ConfirmationCode: is not a member of InitiateAuthRequest",
        ]
    );
    let sign_up = Request {
        username: Some("alice".into()),
        ..password_flow()
    };
    assert_eq!(
        fields(Operation::SignUp, &sign_up),
        ["AuthFlow", "AuthParameters"]
    );
}

#[test]
fn the_body_is_the_api_s_request() {
    let mut r = session_flow();
    r.client_metadata = Some(vec![("campaign".into(), "spring".into())]);
    r.user_context_data = Some(UserContextData {
        encoded_data: Some("enc".into()),
        ip_address: None,
    });
    assert_eq!(
        r.to_json(),
        format!(
            r#"{{"ClientId":"abcdefghij1234567890","UserContextData":{{"EncodedData":"enc"}},"ClientMetadata":{{"campaign":"spring"}},"Session":"{SESSION}","AuthFlow":"USER_AUTH","AuthParameters":{{"USERNAME":"alice"}}}}"#
        )
    );
}

#[test]
fn a_client_secret_puts_the_secret_hash_among_the_auth_parameters() {
    let config = Config {
        region: Some("eu-west-1".into()),
        client_secret: Some("client-secret-123".into()),
        ..Config::new()
    };
    let mut call = Call::new(
        Operation::InitiateAuth,
        password_flow(),
        config.clone(),
        Vec::new(),
        &RegexMatcher,
        || 0.5,
    )
    .unwrap();
    let Step::SecretHash { message, .. } = call.start() else {
        panic!("the hash first")
    };
    assert_eq!(message, "aliceabcdefghij1234567890", "USERNAME + ClientId");
    let Step::Send { request, .. } = call.next::<Json>(Event::SecretHash(Some("hash=".into())))
    else {
        panic!("then the request")
    };
    assert!(
        request.body.ends_with(r#""AuthParameters":{"USERNAME":"alice","PASSWORD":"Corr3ct-Horse!","SECRET_HASH":"hash="}}"#),
        "{}",
        request.body
    );
    assert_eq!(
        request.target,
        "AWSCognitoIdentityProviderService.InitiateAuth"
    );
    let mut given = password_flow();
    given
        .auth_parameters
        .as_mut()
        .unwrap()
        .push(("SECRET_HASH".into(), "mine=".into()));
    let refused = Call::new(
        Operation::InitiateAuth,
        given,
        config,
        Vec::new(),
        &RegexMatcher,
        || 0.5,
    )
    .unwrap_err();
    assert_eq!(refused.kind, ErrorKind::Refused);
    assert_eq!(refused.field(), Some("AuthParameters.SECRET_HASH"));
}

#[test]
fn debug_output_shows_no_password_or_session() {
    let shown = format!("{:?}", session_flow()) + &format!("{:?}", password_flow());
    for secret in [PASSWORD, SESSION] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(
        shown.contains(
            r#"AuthParameters: Some([("USERNAME", "<redacted>"), ("PASSWORD", "<redacted>")])"#
        ),
        "{shown}"
    );
}
