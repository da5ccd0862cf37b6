//! Endpoint resolution against Cognito's own rule set: a small interpreter
//! of `cognito-idp-endpoint-rule-set.json` over `partitions.json` gives the
//! expected URL for every listed region, FIPS and dual-stack.
#![cfg(not(target_arch = "wasm32"))]
mod common;

use cognito_signup::config::{user_pool_region, Config};
use cognito_signup::endpoint::{check_custom, partition, resolve};
use common::spec;
use serde_json::{json, Map, Value};

/// The SDK's `aws.partition`: a listed region, else the first region regex
/// that matches, else the `aws` partition.
fn aws_partition(partitions: &Value, region: &str) -> Value {
    let all = partitions["partitions"].as_array().unwrap();
    let found = all
        .iter()
        .find(|p| p["regions"].get(region).is_some())
        .or_else(|| {
            all.iter().find(|p| {
                regex::Regex::new(p["regionRegex"].as_str().unwrap())
                    .unwrap()
                    .is_match(region)
            })
        })
        .unwrap_or(&all[0]);
    found["outputs"].clone()
}

struct RuleSet {
    rules: Value,
    partitions: Value,
}

impl RuleSet {
    fn resolve(&self, params: &Map<String, Value>) -> Result<String, String> {
        let mut scope = params.clone();
        self.tree(self.rules["rules"].as_array().unwrap(), &mut scope)
            .expect("the rule set always ends in a rule")
    }

    fn tree(
        &self,
        rules: &[Value],
        scope: &mut Map<String, Value>,
    ) -> Option<Result<String, String>> {
        for rule in rules {
            let mut inner = scope.clone();
            let all = rule["conditions"]
                .as_array()
                .unwrap()
                .iter()
                .all(|c| self.condition(c, &mut inner));
            if !all {
                continue;
            }
            match rule["type"].as_str().unwrap() {
                "endpoint" => {
                    let url = self.value(&rule["endpoint"]["url"], &inner);
                    return Some(Ok(template(url.as_str().unwrap(), &inner)));
                }
                "error" => return Some(Err(rule["error"].as_str().unwrap().into())),
                "tree" => {
                    if let Some(r) = self.tree(rule["rules"].as_array().unwrap(), &mut inner) {
                        return Some(r);
                    }
                }
                other => panic!("rule type {other}"),
            }
        }
        None
    }

    fn condition(&self, c: &Value, scope: &mut Map<String, Value>) -> bool {
        let result = self.value(c, scope);
        if let Some(name) = c.get("assign") {
            if result.is_null() {
                return false;
            }
            scope.insert(name.as_str().unwrap().into(), result.clone());
        }
        !(result.is_null() || result == Value::Bool(false))
    }

    fn value(&self, v: &Value, scope: &Map<String, Value>) -> Value {
        if let Some(r) = v.get("ref") {
            return scope
                .get(r.as_str().unwrap())
                .cloned()
                .unwrap_or(Value::Null);
        }
        let Some(f) = v.get("fn") else {
            return v.clone();
        };
        let args: Vec<Value> = v["argv"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| self.value(a, scope))
            .collect();
        match f.as_str().unwrap() {
            "isSet" => Value::Bool(!args[0].is_null()),
            "booleanEquals" | "stringEquals" => Value::Bool(args[0] == args[1]),
            "getAttr" => args[0][args[1].as_str().unwrap()].clone(),
            "aws.partition" => aws_partition(&self.partitions, args[0].as_str().unwrap()),
            other => panic!("rule-set function {other} not interpreted"),
        }
    }
}

/// `{Region}` and `{PartitionResult#dnsSuffix}` substitutions.
fn template(url: &str, scope: &Map<String, Value>) -> String {
    let mut out = String::new();
    let mut rest = url;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest.find('}').unwrap();
        let name = &rest[start + 1..end];
        let value = match name.split_once('#') {
            Some((var, attr)) => scope[var][attr].clone(),
            None => scope[name].clone(),
        };
        out.push_str(value.as_str().unwrap());
        rest = &rest[end + 1..];
    }
    out + rest
}

fn rule_set() -> RuleSet {
    RuleSet {
        rules: spec("cognito-idp-endpoint-rule-set.json"),
        partitions: spec("partitions.json"),
    }
}

fn params(region: &str, fips: bool, dual: bool) -> Map<String, Value> {
    json!({"Region": region, "UseFIPS": fips, "UseDualStack": dual})
        .as_object()
        .unwrap()
        .clone()
}

#[test]
fn every_listed_region_resolves_as_the_rule_set_does() {
    let rules = rule_set();
    let mut cases = 0;
    for p in rules.partitions["partitions"].as_array().unwrap() {
        let id = p["id"].as_str().unwrap();
        for region in p["regions"].as_object().unwrap().keys() {
            assert_eq!(partition(region).map(|p| p.id), Some(id), "{region}");
            for (fips, dual) in [(false, false), (true, false), (false, true), (true, true)] {
                let expected = rules.resolve(&params(region, fips, dual)).unwrap();
                assert_eq!(
                    resolve(region, fips, dual),
                    Some(expected),
                    "{region} fips={fips} dual={dual}"
                );
                cases += 1;
            }
        }
    }
    assert!(cases >= 4 * 50, "{cases}");
}

#[test]
fn unlisted_regions_of_a_partition_form_resolve_as_the_rule_set_does() {
    let rules = rule_set();
    for region in [
        "eu-south-9",
        "ap-newplace-12",
        "mx-north_x-1",
        "cn-south-3",
        "us-gov-central-2",
        "us-iso-north-1",
        "us-isob-south-2",
        "eu-isoe-east-7",
        "us-isof-west-1",
        "eusc-de-west-2",
    ] {
        for (fips, dual) in [(false, false), (true, false), (false, true), (true, true)] {
            let expected = rules.resolve(&params(region, fips, dual)).unwrap();
            assert_eq!(resolve(region, fips, dual), Some(expected), "{region}");
        }
    }
}

#[test]
fn every_partition_supports_fips_and_dual_stack() {
    // endpoint.rs leaves out the rule set's "does not support" errors on this ground.
    for p in spec("partitions.json")["partitions"].as_array().unwrap() {
        assert_eq!(p["outputs"]["supportsFIPS"], true);
        assert_eq!(p["outputs"]["supportsDualStack"], true);
    }
}

#[test]
fn regions_of_no_partition_are_refused() {
    for region in [
        "",
        "local",
        "us-east",
        "us-east-1a",
        "US-EAST-1",
        "xx-east-1",
        "us-east-1-",
        "-us-east-1",
        "us--1",
        "us-east-01x",
        "eusc-fr-east-1",
        "us-east-1.evil.com",
        "us-east-1/x",
        "us east 1",
    ] {
        assert_eq!(resolve(region, false, false), None, "{region:?}");
    }
}

#[test]
fn a_missing_region_and_a_custom_endpoint_with_fips_are_errors_in_both() {
    let rules = rule_set();
    let missing = rules.resolve(
        &params("x", false, false)
            .into_iter()
            .filter(|(k, _)| k != "Region")
            .collect(),
    );
    assert_eq!(missing, Err("Invalid Configuration: Missing Region".into()));
    assert!(Config::new().resolve_url().is_err());
    for (fips, dual, field) in [
        (true, false, "config.useFipsEndpoint"),
        (false, true, "config.useDualstackEndpoint"),
    ] {
        let mut p = params("us-east-1", fips, dual);
        p.insert("Endpoint".into(), json!("https://proxy.example.com"));
        assert!(rules.resolve(&p).is_err());
        let config = Config {
            endpoint: Some("https://proxy.example.com".into()),
            use_fips_endpoint: fips,
            use_dualstack_endpoint: dual,
            ..Config::new()
        };
        assert_eq!(config.resolve_url().unwrap_err().field, field);
    }
}

#[test]
fn the_region_comes_from_region_else_from_the_user_pool_id() {
    let by_pool = Config {
        user_pool_id: Some("eu-west-1_AbC123".into()),
        ..Config::new()
    };
    assert_eq!(
        by_pool.resolve_url().unwrap(),
        "https://cognito-idp.eu-west-1.amazonaws.com"
    );
    let both = Config {
        region: Some("eu-west-1".into()),
        ..by_pool.clone()
    };
    assert_eq!(
        both.resolve_url().unwrap(),
        "https://cognito-idp.eu-west-1.amazonaws.com"
    );
    let clash = Config {
        region: Some("us-east-1".into()),
        ..by_pool
    };
    assert_eq!(clash.resolve_url().unwrap_err().field, "config.userPoolId");
    let gov = Config {
        user_pool_id: Some("us-gov-west-1_x1".into()),
        use_fips_endpoint: true,
        ..Config::new()
    };
    assert_eq!(
        gov.resolve_url().unwrap(),
        "https://cognito-idp-fips.us-gov-west-1.amazonaws.com"
    );
}

#[test]
fn user_pool_ids_must_have_the_model_shape() {
    assert_eq!(
        user_pool_region("us-east-1_3c6d0da2a75a47c7926a26e210d80e79"),
        Some("us-east-1")
    );
    assert_eq!(user_pool_region("local_0GP6vW24"), Some("local"));
    for bad in [
        "",
        "us-east-1",
        "_abc",
        "us-east-1_",
        "us-east-1_a-b",
        "us east-1_abc",
        &format!("us-east-1_{}", "a".repeat(46)),
    ] {
        assert_eq!(user_pool_region(bad), None, "{bad:?}");
        let config = Config {
            user_pool_id: Some(bad.to_string()),
            ..Config::new()
        };
        assert_eq!(
            config.resolve_url().unwrap_err().field,
            "config.userPoolId",
            "{bad:?}"
        );
    }
    // With an endpoint, a pool id that names no AWS region (cognito-local's) is fine.
    let local = Config {
        user_pool_id: Some("local_0GP6vW24".into()),
        endpoint: Some("http://127.0.0.1:9229".into()),
        ..Config::new()
    };
    assert_eq!(local.resolve_url().unwrap(), "http://127.0.0.1:9229");
}

#[test]
fn custom_endpoints_must_be_https_or_loopback_http() {
    for ok in [
        "https://cognito.example.com",
        "https://proxy.example.com:8443/cognito/",
        "HTTPS://EXAMPLE.COM",
        "http://127.0.0.1:5000",
        "http://127.255.0.9/",
        "http://localhost:9229",
        "http://LOCALHOST",
        "http://[::1]:8080/x",
    ] {
        assert_eq!(check_custom(ok), Ok(()), "{ok}");
    }
    for bad in [
        "http://example.com",
        "http://10.0.0.1:5000",
        "http://127.0.0.1.evil.com/",
        "http://128.0.0.1",
        "http://127.0.0.256",
        "http://localhost.evil.com",
        "http://[::2]",
        "ftp://127.0.0.1",
        "127.0.0.1:5000",
        "https://",
        "https://user:pass@example.com",
        "http://x@127.0.0.1",
        "https://exa mple.com",
        "javascript:alert(1)",
    ] {
        assert!(check_custom(bad).is_err(), "{bad}");
    }
}
