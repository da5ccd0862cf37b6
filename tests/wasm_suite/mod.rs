//! The wasm module's exports against real Cognito emulators, in Node and in
//! browsers: `start` checks (or refuses) a call and gives its first step,
//! `exchange` from `js/platform.js` sends a step's request for real, and
//! `answered` (or `failed`, `timedOut`, `aborted`) gives the step that
//! follows. moto's server enforces password policies and
//! sends request ids; cognito-local runs real confirmation codes (fixed to
//! `CL_CODE`). `scripts/emulators.sh start` creates the pools and the
//! environment these tests are compiled with. The whole driver is tested by
//! `tests/shipped` (Node) and `tests/e2e` (the page in Chromium).
use cognito_signup::wasm::{
    aborted, answered, check_password, failed, hashed, start, timed_out, waited,
};
use js_sys::futures::JsFuture;
use js_sys::{Promise, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

/// A setting of `scripts/emulators.sh start`, compiled in; empty without it,
/// which `the_emulators_are_set_up` reports.
macro_rules! emulator {
    ($name:literal) => {
        match option_env!($name) {
            Some(value) => value,
            None => "",
        }
    };
}

mod client;

const MOTO: &str = emulator!("MOTO_ENDPOINT");
const MOTO_CLIENT: &str = emulator!("MOTO_CLIENT_ID");
const MOTO_POOL: &str = emulator!("MOTO_POOL_ID");
const MOTO_SECRET_CLIENT: &str = emulator!("MOTO_SECRET_CLIENT_ID");
const MOTO_SECRET: &str = emulator!("MOTO_CLIENT_SECRET");
const CL: &str = emulator!("CL_ENDPOINT");
const CL_CLIENT: &str = emulator!("CL_CLIENT_ID");
const CL_POOL: &str = emulator!("CL_POOL_ID");
const CL_CODE: &str = emulator!("CL_CODE");
const PASSWORD: &str = "Corr3ct-Horse!";
/// What no error may show: the passwords and client secrets used here and
/// the SecretHash of the known vector.
const SECRETS: [&str; 4] = [
    PASSWORD,
    "weakpass",
    "client-secret-123",
    "5jugCT9w8FrdHCnt345KqRl16xXMKAnYMNA9E7nLzqo=",
];
const SIGN_UP: u32 = 0;
const CONFIRM_SIGN_UP: u32 = 1;
const RESEND_CONFIRMATION_CODE: u32 = 2;
const INITIATE_AUTH: u32 = 3;

#[wasm_bindgen(module = "/js/platform.js")]
extern "C" {
    fn exchange(
        url: &JsValue,
        headers: &JsValue,
        body: &JsValue,
        timeout_ms: &JsValue,
        signal: &JsValue,
    ) -> Promise;
    #[wasm_bindgen(js_name = secretHash)]
    fn secret_hash(secret: &JsValue, message: &JsValue) -> Promise;
}

#[wasm_bindgen(inline_js = r#"
export function isBrowser() { return typeof window !== "undefined"; }
export function admin(endpoint, operation, body) {
  return fetch(endpoint + "/", { method: "POST", body: JSON.stringify(body), headers: {
    "Content-Type": "application/x-amz-json-1.1",
    "X-Amz-Target": "AWSCognitoIdentityProviderService." + operation } }).then(r => r.json());
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = isBrowser)]
    fn is_browser() -> bool;
    fn admin(endpoint: &str, operation: &str, body: &JsValue) -> Promise;
}

fn json(text: &str) -> JsValue {
    JSON::parse(text).expect(text)
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        Reflect::get(&v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

fn text(value: &JsValue, path: &str) -> String {
    get(value, path).as_string().unwrap_or_default()
}

fn number(value: &JsValue, path: &str) -> f64 {
    get(value, path).as_f64().unwrap_or(f64::NAN)
}

fn unique(prefix: &str) -> String {
    format!("{prefix}{}", (js_sys::Math::random() * 1e12) as u64)
}

fn config(endpoint: &str) -> JsValue {
    json(&format!(r#"{{"endpoint":"{endpoint}","maxAttempts":2}}"#))
}

/// `start`: `{ call, signal, step }`, or the refusal (checked for secrets).
fn begin(op: u32, input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    start(op, input, config).inspect_err(|error| assert_hides(error, &SECRETS))
}

/// The number of a started call.
fn number_of(started: &JsValue) -> u32 {
    get(started, "call").as_f64().unwrap() as u32
}

/// Sends the request of `step` (a call's step "send") for real, as
/// `js/call.js` does, and returns the step that follows.
async fn attempt(started: &JsValue, step: &JsValue) -> JsValue {
    let answer = exchange(
        &get(step, "url"),
        &get(step, "headers"),
        &get(step, "body"),
        &get(step, "timeoutMs"),
        &get(started, "signal"),
    );
    let answer = JsFuture::from(answer).await.unwrap();
    let call = number_of(started);
    let next = if let Some(status) = get(&answer, "status").as_f64() {
        answered(
            call,
            status as u16,
            get(&answer, "requestId").as_string(),
            get(&answer, "errorType").as_string(),
            get(&answer, "body"),
        )
    } else if get(&answer, "aborted").is_truthy() {
        aborted(call, true)
    } else if get(&answer, "timedOut").is_truthy() {
        timed_out(call)
    } else {
        failed(call, text(&answer, "message"))
    };
    let error = get(&next, "error");
    if !error.is_undefined() {
        assert_hides(&error, &SECRETS);
        assert_hides(&error, &[MOTO_SECRET]);
    }
    next
}

/// One attempt of `op` that must give a value (`Ok`) or a final error (`Err`).
async fn call_once(op: u32, input: JsValue, config: JsValue) -> Result<JsValue, JsValue> {
    let started = begin(op, input, config)?;
    let next = attempt(&started, &get(&started, "step")).await;
    assert!(get(&next, "wait").is_undefined(), "not retried");
    match get(&next, "error") {
        error if error.is_undefined() => Ok(get(&next, "value")),
        error => Err(error),
    }
}

fn sign_up_input(client: &str, username: &str, password: &str) -> JsValue {
    json(&format!(
        r#"{{"ClientId":"{client}","Username":"{username}","Password":"{password}",
            "UserAttributes":[{{"Name":"email","Value":"{username}@example.com"}},{{"Name":"name","Value":"Alice"}},
                              {{"Name":"family_name","Value":"Liddell"}},{{"Name":"custom:city","Value":"Oslo"}}]}}"#
    ))
}

/// The `field` of each of a refusal's problems, in order.
fn problem_fields(error: &JsValue) -> Vec<String> {
    let problems = js_sys::Array::from(&get(error, "problems"));
    problems.iter().map(|p| text(&p, "field")).collect()
}

/// Asserts that an error's message, stack and JSON form hold none of
/// `secrets` (empty ones, such as an unset setting, are skipped).
fn assert_hides(error: &JsValue, secrets: &[&str]) {
    let shown = format!(
        "{} {} {}",
        text(error, "message"),
        text(error, "stack"),
        JSON::stringify(error).map(String::from).unwrap_or_default()
    );
    for secret in secrets.iter().filter(|s| !s.is_empty()) {
        assert!(!shown.contains(secret), "{secret} shown in {shown}");
    }
}

async fn admin_get_user(endpoint: &str, pool: &str, username: &str) -> JsValue {
    let body = json(&format!(
        r#"{{"UserPoolId":"{pool}","Username":"{username}"}}"#
    ));
    JsFuture::from(admin(endpoint, "AdminGetUser", &body))
        .await
        .unwrap()
}

#[wasm_bindgen_test]
fn the_emulators_are_set_up() {
    for setting in [
        client::FAULTS,
        MOTO,
        MOTO_CLIENT,
        MOTO_POOL,
        MOTO_SECRET_CLIENT,
        MOTO_SECRET,
        CL,
        CL_CLIENT,
        CL_POOL,
        CL_CODE,
    ] {
        assert!(
            !setting.is_empty(),
            "build with the variables of scripts/emulators.sh start"
        );
    }
}

#[wasm_bindgen_test]
async fn sign_up_registers_the_user_on_moto() {
    let username = unique("alice");
    let started = begin(
        SIGN_UP,
        sign_up_input(MOTO_CLIENT, &username, PASSWORD),
        config(MOTO),
    )
    .unwrap();
    let plan = get(&started, "step");
    assert_eq!(text(&plan, "url"), MOTO);
    assert_eq!(
        text(&plan, "headers.Content-Type"),
        "application/x-amz-json-1.1"
    );
    assert_eq!(
        text(&plan, "headers.X-Amz-Target"),
        "AWSCognitoIdentityProviderService.SignUp"
    );
    let body = json(&text(&plan, "body"));
    assert_eq!(text(&body, "Username"), username);
    let next = attempt(&started, &plan).await;
    let out = get(&next, "value");
    assert_eq!(text(&out, "UserSub").len(), 36, "a UUID");
    assert_eq!(get(&out, "UserConfirmed"), JsValue::FALSE);
    assert_eq!(text(&out, "CodeDeliveryDetails.DeliveryMedium"), "EMAIL");
    assert_eq!(number(&out, "$metadata.httpStatusCode"), 200.0);
    assert_eq!(number(&out, "$metadata.attempts"), 1.0);
    assert_eq!(number(&out, "$metadata.totalRetryDelay"), 0.0);
    if !is_browser() {
        // moto sends x-amzn-requestid; a browser sees it only if CORS exposes it.
        assert_eq!(text(&out, "$metadata.requestId").len(), 52);
    }
    let user = admin_get_user(MOTO, MOTO_POOL, &username).await;
    assert_eq!(text(&user, "UserStatus"), "UNCONFIRMED");
    let attributes = JSON::stringify(&get(&user, "UserAttributes"))
        .unwrap()
        .as_string()
        .unwrap();
    for expected in [
        r#""Name":"custom:city","Value":"Oslo""#,
        r#""Name":"family_name","Value":"Liddell""#,
    ] {
        assert!(attributes.contains(expected), "{attributes}");
    }
}
#[wasm_bindgen_test]
async fn a_second_sign_up_is_a_username_exists_exception() {
    for (endpoint, client) in [(MOTO, MOTO_CLIENT), (CL, CL_CLIENT)] {
        let username = unique("bob");
        let input = || sign_up_input(client, &username, PASSWORD);
        call_once(SIGN_UP, input(), config(endpoint)).await.unwrap();
        let error = call_once(SIGN_UP, input(), config(endpoint))
            .await
            .unwrap_err();
        assert!(error.is_instance_of::<js_sys::Error>());
        assert_eq!(
            text(&error, "name"),
            "UsernameExistsException",
            "{endpoint}"
        );
        assert_eq!(text(&error, "$fault"), "client");
        assert_eq!(number(&error, "$metadata.httpStatusCode"), 400.0);
        assert_eq!(
            number(&error, "$metadata.attempts"),
            1.0,
            "a 4xx is not retried"
        );
        assert_eq!(
            get(&error, "earlierAttemptMayHaveSucceeded"),
            JsValue::FALSE
        );
    }
}

#[wasm_bindgen_test]
async fn moto_refuses_a_weak_password_with_invalid_password_exception() {
    let input = sign_up_input(MOTO_CLIENT, &unique("carol"), "weakpass");
    let error = call_once(SIGN_UP, input, config(MOTO)).await.unwrap_err();
    assert_eq!(text(&error, "name"), "InvalidPasswordException");
    assert_eq!(number(&error, "$metadata.attempts"), 1.0);
}

#[wasm_bindgen_test]
async fn a_configured_password_policy_refuses_before_sending() {
    let username = unique("dave");
    let config = json(&format!(
        r#"{{"endpoint":"{MOTO}","passwordPolicy":{{"MinimumLength":8,"RequireUppercase":true,
            "RequireLowercase":true,"RequireNumbers":true,"RequireSymbols":true}}}}"#
    ));
    let error = begin(
        SIGN_UP,
        sign_up_input(MOTO_CLIENT, &username, "weakpass"),
        config,
    )
    .unwrap_err();
    assert_eq!(text(&error, "name"), "InvalidPasswordException");
    assert_eq!(text(&error, "field"), "Password");
    assert_eq!(number(&error, "$metadata.attempts"), 0.0);
    assert_eq!(text(&error, "$fault"), "client");
    assert_eq!(
        text(&error, "message"),
        "3 problems: Password must contain an uppercase letter; Password must contain a number; Password must contain a symbol."
    );
    assert_eq!(number(&error, "problems.length"), 3.0);
    let user = admin_get_user(MOTO, MOTO_POOL, &username).await;
    assert_eq!(text(&user, "__type"), "UserNotFoundException");
}

#[wasm_bindgen_test]
fn bad_input_and_config_are_refused_together() {
    let input = json(&format!(
        r#"{{"ClientId":"{MOTO_CLIENT}","Username":"has space","Password":"{PASSWORD}","Passwrod":"x",
            "UserAttributes":[{{"Name":"email","Value":"e@example.com"}},{{"Name":"","Value":"x"}},{{"Name":"city","Value":7}}]}}"#
    ));
    let config = json(r#"{"endpoint":"http://example.com","maxAttempts":0,"timeoutMs":"5"}"#);
    let error = begin(SIGN_UP, input, config).unwrap_err();
    assert_eq!(text(&error, "name"), "InvalidParameterException");
    assert_eq!(number(&error, "$metadata.attempts"), 0.0);
    let fields = problem_fields(&error);
    assert_eq!(
        fields,
        [
            "Passwrod",
            "UserAttributes[2].Value",
            "config.maxAttempts",
            "config.timeoutMs",
            "Username",
            "UserAttributes[1].Name",
            "config.endpoint"
        ]
    );
    assert_eq!(text(&error, "field"), "Passwrod");
    assert!(text(&error, "message")
        .starts_with("7 problems: Passwrod is not a member of SignUpRequest;"));
    assert_hides(&error, &[PASSWORD]);
}

#[wasm_bindgen_test]
fn non_objects_and_missing_members_are_refused() {
    for (input, config, field) in [
        ("null", r#"{"region":"eu-west-1"}"#, "ClientId"),
        (r#""ClientId""#, r#"{"region":"eu-west-1"}"#, "input"),
        (r#"{"ClientId":"c","Username":"u"}"#, "[]", "config"),
        (r#"{"ClientId":"c","Username":"u"}"#, "{}", "config.region"),
        (
            r#"{"ClientId":"c","Username":"u"}"#,
            r#"{"region":"moon-base-1"}"#,
            "config.region",
        ),
        (
            r#"{"ClientId":"c","Username":"u"}"#,
            r#"{"userPoolId":"nope"}"#,
            "config.userPoolId",
        ),
        (
            r#"{"ClientId":"c","Username":"u"}"#,
            r#"{"region":"eu-west-1","clientSecret":""}"#,
            "config.clientSecret",
        ),
    ] {
        let error = begin(SIGN_UP, json(input), json(config)).unwrap_err();
        assert_eq!(
            text(&error, "name"),
            "InvalidParameterException",
            "{input} {config}"
        );
        assert_eq!(
            text(&error, "field"),
            field,
            "{input} {config}: {}",
            text(&error, "message")
        );
    }
}

#[wasm_bindgen_test]
fn a_value_of_the_wrong_type_is_one_problem() {
    let input = json(r#"{"ClientId":"c","Username":5,"ConfirmationCode":true}"#);
    let error = begin(CONFIRM_SIGN_UP, input, json(r#"{"region":"eu-west-1"}"#)).unwrap_err();
    assert_eq!(
        text(&error, "message"),
        "2 problems: Username must be a string; ConfirmationCode must be a string."
    );
}

#[wasm_bindgen_test]
async fn confirm_sign_up_checks_the_code_on_cognito_local() {
    let username = unique("erin");
    let record = json(&format!(
        r#"{{"ClientId":"{CL_CLIENT}","Username":"{username}","Password":"{PASSWORD}",
            "UserAttributes":{{"email":"{username}@example.com","custom:city":"Oslo"}}}}"#
    ));
    let out = call_once(SIGN_UP, record, config(CL)).await.unwrap();
    assert_eq!(get(&out, "UserConfirmed"), JsValue::FALSE);
    assert_eq!(
        text(&out, "CodeDeliveryDetails.Destination"),
        format!("{username}@example.com")
    );
    let confirm = |code: &str| {
        json(&format!(
            r#"{{"ClientId":"{CL_CLIENT}","Username":"{username}","ConfirmationCode":"{code}"}}"#
        ))
    };
    let error = call_once(CONFIRM_SIGN_UP, confirm("000000"), config(CL))
        .await
        .unwrap_err();
    assert_eq!(text(&error, "name"), "CodeMismatchException");
    assert_eq!(number(&error, "$metadata.attempts"), 1.0);
    let user = admin_get_user(CL, CL_POOL, &username).await;
    assert_eq!(text(&user, "UserStatus"), "UNCONFIRMED");
    let out = call_once(CONFIRM_SIGN_UP, confirm(CL_CODE), config(CL))
        .await
        .unwrap();
    assert_eq!(number(&out, "$metadata.httpStatusCode"), 200.0);
    let user = admin_get_user(CL, CL_POOL, &username).await;
    assert_eq!(text(&user, "UserStatus"), "CONFIRMED");
    // Then signed in with the password: the shell's InitiateAuth.
    let sign_in = json(&format!(
        r#"{{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"{CL_CLIENT}","AuthParameters":{{"USERNAME":"{username}","PASSWORD":"{PASSWORD}"}}}}"#
    ));
    let out = call_once(INITIATE_AUTH, sign_in, config(CL)).await.unwrap();
    assert_eq!(
        text(&out, "AuthenticationResult.IdToken")
            .split('.')
            .count(),
        3,
        "a JWT"
    );
    assert_eq!(number(&out, "$metadata.attempts"), 1.0);
}

#[wasm_bindgen_test]
fn initiate_auth_refuses_another_flow_and_missing_parameters_before_sending() {
    let input = json(&format!(
        r#"{{"AuthFlow":"USER_SRP_AUTH","ClientId":"{CL_CLIENT}","AuthParameters":{{"PASSWORD":"{PASSWORD}"}},"Username":"x"}}"#
    ));
    let error = begin(INITIATE_AUTH, input, config(CL)).unwrap_err();
    assert_eq!(text(&error, "name"), "InvalidParameterException");
    assert_eq!(number(&error, "$metadata.attempts"), 0.0);
    let fields = problem_fields(&error);
    assert_eq!(fields, ["Username", "AuthFlow", "AuthParameters.USERNAME"]);
    assert_hides(&error, &[PASSWORD]);
}

#[wasm_bindgen_test]
async fn client_secret_gives_the_secret_hash_from_webcrypto() {
    // The vector from the emulator research (Python's hmac): neither emulator
    // checks SecretHash, so the request body is where it can be seen.
    let input = || {
        json(
            r#"{"ClientId":"abcdefghij1234567890","Username":"alice","Password":"Corr3ct-Horse!"}"#,
        )
    };
    let config = || {
        json(&format!(
            r#"{{"endpoint":"{MOTO}","clientSecret":"client-secret-123"}}"#
        ))
    };
    let started = begin(SIGN_UP, input(), config()).unwrap();
    let ask = get(&started, "step");
    assert_eq!(text(&ask, "hmac.0"), "client-secret-123");
    assert_eq!(text(&ask, "hmac.1"), "aliceabcdefghij1234567890");
    let hash = JsFuture::from(secret_hash(&get(&ask, "hmac.0"), &get(&ask, "hmac.1")))
        .await
        .unwrap();
    let plan = hashed(number_of(&started), hash.as_string());
    let body = json(&text(&plan, "body"));
    assert_eq!(
        text(&body, "SecretHash"),
        "5jugCT9w8FrdHCnt345KqRl16xXMKAnYMNA9E7nLzqo="
    );
    aborted(number_of(&started), false);
    let started = begin(SIGN_UP, input(), config()).unwrap();
    let error = get(&hashed(number_of(&started), None), "error");
    assert_eq!(
        text(&error, "field"),
        "config.clientSecret",
        "WebCrypto failed"
    );
    assert_hides(&error, &["client-secret-123"]);

    let username = unique("frank");
    let config = json(&format!(
        r#"{{"endpoint":"{MOTO}","clientSecret":"{MOTO_SECRET}"}}"#
    ));
    let started = begin(
        SIGN_UP,
        sign_up_input(MOTO_SECRET_CLIENT, &username, PASSWORD),
        config,
    )
    .unwrap();
    let ask = get(&started, "step");
    let hash = JsFuture::from(secret_hash(&get(&ask, "hmac.0"), &get(&ask, "hmac.1")))
        .await
        .unwrap();
    let plan = hashed(number_of(&started), hash.as_string());
    assert_eq!(
        text(&json(&text(&plan, "body")), "SecretHash").len(),
        44,
        "Base64 of 32 bytes"
    );
    let out = get(&attempt(&started, &plan).await, "value");
    assert_eq!(text(&out, "UserSub").len(), 36);
}

#[wasm_bindgen_test]
async fn a_5xx_is_retried_and_then_typed() {
    // cognito-local answers ResendConfirmationCode with 500 CognitoLocal#Unsupported.
    let input = json(&format!(
        r#"{{"ClientId":"{CL_CLIENT}","Username":"nobody"}}"#
    ));
    let resend = begin(RESEND_CONFIRMATION_CODE, input, config(CL)).unwrap();
    let plan = get(&resend, "step");
    assert_eq!(
        text(&plan, "headers.X-Amz-Target"),
        "AWSCognitoIdentityProviderService.ResendConfirmationCode"
    );
    let first = attempt(&resend, &plan).await;
    let wait = number(&first, "wait");
    assert!(
        (0.0..=100.0).contains(&wait),
        "full jitter under 100 ms: {wait}"
    );
    let again = waited(number_of(&resend));
    assert_eq!(
        text(&again, "url"),
        text(&plan, "url"),
        "the same request again"
    );
    let error = get(&attempt(&resend, &again).await, "error");
    assert_eq!(text(&error, "name"), "Unsupported");
    assert_eq!(text(&error, "$fault"), "server");
    assert_eq!(number(&error, "$metadata.httpStatusCode"), 500.0);
    assert_eq!(number(&error, "$metadata.attempts"), 2.0);
    assert_eq!(number(&error, "$metadata.totalRetryDelay"), wait);
}

#[wasm_bindgen_test]
async fn an_unreachable_endpoint_is_a_network_error_after_every_attempt() {
    let input = sign_up_input(MOTO_CLIENT, &unique("gina"), PASSWORD);
    let unreachable = begin(SIGN_UP, input, config("http://127.0.0.1:9")).unwrap();
    let plan = get(&unreachable, "step");
    assert!(get(&attempt(&unreachable, &plan).await, "wait")
        .as_f64()
        .is_some());
    let again = waited(number_of(&unreachable));
    let error = get(&attempt(&unreachable, &again).await, "error");
    assert_eq!(text(&error, "name"), "NetworkError");
    assert_eq!(number(&error, "$metadata.attempts"), 2.0);
    assert!(get(&error, "$metadata.httpStatusCode").is_undefined());
}

#[wasm_bindgen_test]
fn an_abort_before_sending_ends_the_call_with_no_attempt() {
    let started = begin(
        SIGN_UP,
        sign_up_input(MOTO_CLIENT, "hank", PASSWORD),
        config(MOTO),
    )
    .unwrap();
    let error = get(&aborted(number_of(&started), false), "error");
    assert_eq!(text(&error, "name"), "AbortError");
    assert_eq!(text(&error, "$fault"), "client");
    assert_eq!(number(&error, "$metadata.attempts"), 0.0);
}

#[wasm_bindgen_test]
fn check_password_lists_every_unmet_rule() {
    let policy = json(
        r#"{"MinimumLength":10,"RequireUppercase":true,"RequireLowercase":true,"RequireNumbers":true,
            "RequireSymbols":true,"TemporaryPasswordValidityDays":7}"#,
    );
    let unmet = check_password("abc".into(), policy.clone()).unwrap();
    let unmet: Vec<String> = unmet.iter().map(|v| v.as_string().unwrap()).collect();
    assert_eq!(
        unmet,
        [
            "MinimumLength",
            "RequireUppercase",
            "RequireNumbers",
            "RequireSymbols"
        ]
    );
    assert_eq!(check_password(PASSWORD.into(), policy).unwrap().length(), 0);
    let error =
        check_password("abc".into(), json(r#"{"MinimumLength":"8","Upper":true}"#)).unwrap_err();
    assert_eq!(text(&error, "name"), "InvalidParameterException");
    assert_eq!(number(&error, "problems.length"), 2.0);
    assert_hides(&error, &["abc"]);
}

#[wasm_bindgen_test]
fn an_operation_out_of_range_is_an_error_not_a_sign_up() {
    let input = sign_up_input(MOTO_CLIENT, "ivan", PASSWORD);
    let beyond = cognito_signup::operation::Operation::ALL.len() as u32;
    let error = start(beyond, input, config(MOTO)).unwrap_err();
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(text(&error, "message"), "cognito-signup: no such operation");
}

#[wasm_bindgen_test]
fn a_call_that_is_done_or_unknown_takes_no_more_events() {
    let started = begin(
        SIGN_UP,
        sign_up_input(MOTO_CLIENT, "judy", PASSWORD),
        config(MOTO),
    )
    .unwrap();
    let call = number_of(&started);
    assert_eq!(
        text(&get(&aborted(call, false), "error"), "name"),
        "AbortError"
    );
    let error = get(&waited(call), "error");
    assert_eq!(text(&error, "name"), "UnknownError", "the call is over");
    assert!(text(&error, "message").contains("out of order"));
}
