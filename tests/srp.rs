//! SRP held to amazon-cognito-identity-js, the reference client: for the
//! same secret exponent, salt, server value, secret block and timestamp, the
//! same `SRP_A` and `PASSWORD_CLAIM_SIGNATURE` (tests/fixtures/srp-vectors.json,
//! written by tests/srp/vectors.mjs and held to it by tests/srp/vectors.test.mjs).
#![cfg(all(feature = "srp", not(target_arch = "wasm32")))]
use cognito_signup::srp::{timestamp, Srp, SrpError, GROUP_HEX};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = format!(
        "{}/tests/fixtures/srp-vectors.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// The SRP of vector `v`, its `a` drawn from the vector.
fn srp(v: &Value) -> Srp {
    let a = bytes(v["a"].as_str().unwrap());
    Srp::new(|out| out.copy_from_slice(&a))
}

#[test]
fn srp_a_and_the_claim_are_identity_js_s() {
    let all = vectors();
    assert!(all.len() >= 4);
    for v in &all {
        let s = |k: &str| v[k].as_str().unwrap();
        let client = srp(v);
        assert_eq!(client.srp_a(), s("A"), "SRP_A for {}", s("userId"));
        let claim = client.claim(
            s("poolId"),
            s("userId"),
            s("password"),
            s("salt"),
            s("B"),
            s("secretBlock"),
            s("timestamp"),
        );
        assert_eq!(
            claim.as_deref(),
            Ok(s("signature")),
            "the claim for {}",
            s("userId")
        );
        // A wrong password signs something else, which Cognito refuses.
        let wrong = client.claim(
            s("poolId"),
            s("userId"),
            "not the password",
            s("salt"),
            s("B"),
            s("secretBlock"),
            s("timestamp"),
        );
        assert_ne!(wrong.as_deref(), Ok(s("signature")));
    }
}

#[test]
fn the_protocol_s_checks_refuse_a_bad_server_value() {
    let v = &vectors()[0];
    let s = |k: &str| v[k].as_str().unwrap();
    let client = srp(v);
    let claim = |b: &str, salt: &str, block: &str| {
        client.claim(
            s("poolId"),
            s("userId"),
            s("password"),
            salt,
            b,
            block,
            s("timestamp"),
        )
    };
    // B = 0 and B = N give away the password to a fake server.
    assert_eq!(
        claim("0", s("salt"), s("secretBlock")),
        Err(SrpError::ZeroB)
    );
    let n = GROUP_HEX;
    assert_eq!(claim(n, s("salt"), s("secretBlock")), Err(SrpError::ZeroB));
    assert_eq!(
        claim("xyz", s("salt"), s("secretBlock")),
        Err(SrpError::BadB)
    );
    assert_eq!(
        claim(&"f".repeat(800), s("salt"), s("secretBlock")),
        Err(SrpError::BadB)
    );
    assert_eq!(
        claim(s("B"), "not hex", s("secretBlock")),
        Err(SrpError::BadSalt)
    );
    // moto hands out a UUID as the secret block: read as Node's Buffer (amazon-cognito-identity-js) reads
    // it, the URL-safe alphabet's `-` as the standard one's `+`; what is Base64 in neither is refused.
    let uuid = "8a2b6c1e-0f3d-4e5a-9b7c-112233445566";
    assert!(claim(s("B"), s("salt"), uuid).is_ok());
    assert_eq!(
        claim(s("B"), s("salt"), uuid),
        claim(s("B"), s("salt"), &uuid.replace('-', "+"))
    );
    assert_eq!(
        claim(s("B"), s("salt"), "not base64!"),
        Err(SrpError::BadSecretBlock)
    );
    assert!(!SrpError::ZeroB.message().is_empty());
}

#[test]
fn a_is_one_draw_of_the_platform_s_random_and_never_shown() {
    // A = g^a mod N is never zero for this group (N is prime), so one draw is kept; Debug shows A, never a.
    let mut calls = 0;
    let client = Srp::new(|out| {
        calls += 1;
        out.fill(0x5a);
    });
    assert_eq!(calls, 1);
    let shown = format!("{client:?}");
    assert!(shown.contains("<redacted>"));
    assert!(
        !shown.contains(&"5a".repeat(8)),
        "a is not in Debug: {shown}"
    );
}

#[test]
fn timestamps_are_cognito_s_format() {
    assert_eq!(timestamp(0), "Thu Jan 1 00:00:00 UTC 1970");
    assert_eq!(timestamp(1_796_647_265), "Mon Dec 7 12:41:05 UTC 2026");
    assert_eq!(timestamp(1_709_251_199), "Thu Feb 29 23:59:59 UTC 2024");
    assert_eq!(timestamp(1_736_060_889), "Sun Jan 5 07:08:09 UTC 2025");
}
