//! Reading the JavaScript `input` and `config` into the core's types. Every
//! value of the wrong type and every unknown key is a problem, collected
//! with all the others.
use alloc::string::String;
use alloc::vec::Vec;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::AbortSignal;

use super::js::{get, get_dynamic, is_plain_object, unknown};
use crate::config::{whole_number, Config, MAX_MAX_ATTEMPTS, MAX_TIMEOUT_MS};
use crate::error::Problem;
use crate::operation::Operation;
use crate::password_policy::{PasswordPolicy, MAX_MINIMUM_LENGTH, MIN_MINIMUM_LENGTH};
use crate::request::{AnalyticsMetadata, Attribute, Request, UserContextData, MEMBERS};
use crate::text::push_decimal;

/// The configuration and the caller's abort signal.
#[derive(Clone)]
pub struct Options {
    /// Everything but the signal.
    pub config: Config,
    /// `abortSignal`.
    pub abort_signal: Option<AbortSignal>,
}

const CONFIG_KEYS: [&str; 10] = [
    "region",
    "userPoolId",
    "endpoint",
    "useFipsEndpoint",
    "useDualstackEndpoint",
    "clientSecret",
    "passwordPolicy",
    "maxAttempts",
    "timeoutMs",
    "abortSignal",
];

/// `PasswordPolicyType`'s members; the last two are accepted (so a policy
/// copied from DescribeUserPool works) and play no part in the check.
const POLICY_KEYS: [&str; 7] = [
    "MinimumLength",
    "RequireUppercase",
    "RequireLowercase",
    "RequireNumbers",
    "RequireSymbols",
    "TemporaryPasswordValidityDays",
    "PasswordHistorySize",
];

/// Reads `input`, the request of `op`.
pub fn request(op: Operation, input: &JsValue, problems: &mut Vec<Problem>) -> Request {
    let mut r = Reader { problems };
    let Some(input) = r.object(input, "input") else {
        return Request::default();
    };
    r.keys(input, &MEMBERS, "", &[op.name(), "Request"]);
    Request {
        client_id: r.string(input, "ClientId", "ClientId"),
        secret_hash: r.string(input, "SecretHash", "SecretHash"),
        username: r.string(input, "Username", "Username"),
        password: r.string(input, "Password", "Password"),
        user_attributes: r.attributes(input, "UserAttributes"),
        validation_data: r.attributes(input, "ValidationData"),
        confirmation_code: r.string(input, "ConfirmationCode", "ConfirmationCode"),
        force_alias_creation: r.boolean(input, "ForceAliasCreation", "ForceAliasCreation"),
        analytics_metadata: r
            .nested(input, "AnalyticsMetadata", &["AnalyticsEndpointId"])
            .map(|(o, r)| AnalyticsMetadata {
                analytics_endpoint_id: r.string(
                    &o,
                    "AnalyticsEndpointId",
                    "AnalyticsMetadata.AnalyticsEndpointId",
                ),
            }),
        user_context_data: r
            .nested(input, "UserContextData", &["IpAddress", "EncodedData"])
            .map(|(o, r)| UserContextData {
                ip_address: r.string(&o, "IpAddress", "UserContextData.IpAddress"),
                encoded_data: r.string(&o, "EncodedData", "UserContextData.EncodedData"),
            }),
        client_metadata: r.record(&get(input, "ClientMetadata"), "ClientMetadata"),
        session: r.string(input, "Session", "Session"),
    }
}

/// Reads `config`; an absent one is the defaults.
pub fn options(config: &JsValue, problems: &mut Vec<Problem>) -> Options {
    let mut r = Reader { problems };
    let mut options = Options {
        config: Config::new(),
        abort_signal: None,
    };
    let Some(c) = r.object(config, "config") else {
        return options;
    };
    r.keys(c, &CONFIG_KEYS, "config.", &["the config"]);
    let o = &mut options.config;
    o.region = r.string(c, "region", "config.region");
    o.user_pool_id = r.string(c, "userPoolId", "config.userPoolId");
    o.endpoint = r.string(c, "endpoint", "config.endpoint");
    o.use_fips_endpoint = r
        .boolean(c, "useFipsEndpoint", "config.useFipsEndpoint")
        .unwrap_or(false);
    o.use_dualstack_endpoint = r
        .boolean(c, "useDualstackEndpoint", "config.useDualstackEndpoint")
        .unwrap_or(false);
    o.client_secret = r.string(c, "clientSecret", "config.clientSecret");
    if o.client_secret.as_deref() == Some("") {
        r.refuse("config.clientSecret", "must not be empty");
    }
    o.password_policy = password_policy(
        &get(c, "passwordPolicy"),
        "config.passwordPolicy",
        r.problems,
    );
    if let Some(n) = r.number(c, "maxAttempts", "config.maxAttempts", 1, MAX_MAX_ATTEMPTS) {
        o.max_attempts = n;
    }
    o.timeout_ms = r.number(c, "timeoutMs", "config.timeoutMs", 1, MAX_TIMEOUT_MS);
    let signal = get(c, "abortSignal");
    if !signal.is_undefined() {
        match signal.dyn_into::<AbortSignal>() {
            Ok(signal) => options.abort_signal = Some(signal),
            Err(_) => r.refuse("config.abortSignal", "must be an AbortSignal"),
        }
    }
    options
}

/// Reads a `PasswordPolicyType` object found at `field`.
pub fn password_policy(
    value: &JsValue,
    field: &str,
    problems: &mut Vec<Problem>,
) -> Option<PasswordPolicy> {
    let mut r = Reader { problems };
    let p = r.object(value, field)?;
    let prefix = [field, "."].concat();
    r.keys(p, &POLICY_KEYS, &prefix, &["PasswordPolicyType"]);
    let mut flag = |key: &'static str| r.boolean(p, key, &[&prefix, key].concat()).unwrap_or(false);
    let policy = PasswordPolicy {
        minimum_length: None,
        require_uppercase: flag("RequireUppercase"),
        require_lowercase: flag("RequireLowercase"),
        require_numbers: flag("RequireNumbers"),
        require_symbols: flag("RequireSymbols"),
    };
    Some(PasswordPolicy {
        minimum_length: r.number(
            p,
            "MinimumLength",
            &[&prefix, "MinimumLength"].concat(),
            MIN_MINIMUM_LENGTH,
            MAX_MINIMUM_LENGTH,
        ),
        ..policy
    })
}

struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Reader<'_> {
    fn refuse(&mut self, field: &str, message: &'static str) {
        self.problems.push(Problem::new(field, message));
    }

    /// `value` if it is a plain object; `None` (and a problem) if it is
    /// anything else but `undefined` or `null`.
    fn object<'v>(&mut self, value: &'v JsValue, field: &str) -> Option<&'v JsValue> {
        if is_plain_object(value) {
            Some(value)
        } else {
            if !value.is_undefined() && !value.is_null() {
                self.refuse(field, "must be an object");
            }
            None
        }
    }

    /// Refuses every key of `object` that is not in `allowed`; `owner` is
    /// the type's name, in parts.
    fn keys(
        &mut self,
        object: &JsValue,
        allowed: &'static [&'static str],
        prefix: &str,
        owner: &[&str],
    ) {
        for key in unknown(object, allowed).iter() {
            let field = [prefix, &key.as_string().unwrap_or_default()].concat();
            let message = ["is not a member of ", &owner.concat()].concat();
            self.problems.push(Problem::new(field, message));
        }
    }

    /// `value` read by `read`, or `None` when absent; a value `read`
    /// refuses is the problem `says` at `field`.
    fn typed<T>(
        &mut self,
        value: JsValue,
        field: &str,
        read: impl Fn(&JsValue) -> Option<T>,
        says: &'static str,
    ) -> Option<T> {
        if value.is_undefined() {
            return None;
        }
        let typed = read(&value);
        if typed.is_none() {
            self.refuse(field, says);
        }
        typed
    }

    fn string(&mut self, object: &JsValue, key: &'static str, field: &str) -> Option<String> {
        self.typed(
            get(object, key),
            field,
            JsValue::as_string,
            "must be a string",
        )
    }

    fn boolean(&mut self, object: &JsValue, key: &'static str, field: &str) -> Option<bool> {
        self.typed(
            get(object, key),
            field,
            JsValue::as_bool,
            "must be a boolean",
        )
    }

    fn number(
        &mut self,
        object: &JsValue,
        key: &'static str,
        field: &str,
        min: u32,
        max: u32,
    ) -> Option<u32> {
        let value = get(object, key);
        if value.is_undefined() {
            return None;
        }
        let number = value.as_f64().and_then(|n| whole_number(n, min, max));
        if number.is_none() {
            let mut message = String::from("must be a whole number from ");
            push_decimal(&mut message, min);
            message.push_str(" to ");
            push_decimal(&mut message, max);
            self.problems.push(Problem::new(field, message));
        }
        number
    }

    /// A nested structure at `key` with the members `allowed`.
    fn nested(
        &mut self,
        object: &JsValue,
        key: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<(JsValue, &mut Self)> {
        let value = get(object, key);
        self.object(&value, key)?;
        self.keys(&value, allowed, &[key, "."].concat(), &[key]);
        Some((value, self))
    }

    /// `value`, the member `key`, as a map of strings to strings
    /// (ClientMetadata), in key order.
    fn record(&mut self, value: &JsValue, key: &'static str) -> Option<Vec<(String, String)>> {
        self.object(value, key)?;
        let mut pairs = Vec::new();
        for name in js_sys::Object::keys::<JsValue>(value.unchecked_ref()).iter() {
            let k = name.as_string().unwrap_or_default();
            let v = get_dynamic(value, &name);
            match v.as_string() {
                Some(v) => pairs.push((k, v)),
                None if v.is_undefined() => {}
                None => self.refuse(&[key, ".", &k].concat(), "must be a string"),
            }
        }
        Some(pairs)
    }

    /// An attribute list at `key`: `[{ Name, Value }]` as the API has it, or
    /// a record `{ email: "…" }` for convenience.
    fn attributes(&mut self, object: &JsValue, key: &'static str) -> Option<Vec<Attribute>> {
        let value = get(object, key);
        if js_sys::Array::is_array(&value) {
            let list: &js_sys::Array = value.unchecked_ref();
            let mut attributes = Vec::new();
            for (i, item) in list.iter().enumerate() {
                let mut prefix = String::from(key);
                prefix.push('[');
                push_decimal(&mut prefix, i as u32);
                prefix.push_str("].");
                if !is_plain_object(&item) {
                    self.problems.push(Problem::new(
                        prefix.get(..prefix.len() - 1).unwrap_or_default(),
                        "must be an object",
                    ));
                    continue;
                }
                self.keys(&item, &["Name", "Value"], &prefix, &["AttributeType"]);
                let name = self.string(&item, "Name", &[&prefix, "Name"].concat());
                let value = self.string(&item, "Value", &[&prefix, "Value"].concat());
                match name {
                    Some(name) => attributes.push(Attribute { name, value }),
                    None if get(&item, "Name").is_undefined() => {
                        self.problems
                            .push(Problem::new([&prefix, "Name"].concat(), "is required"));
                    }
                    None => {}
                }
            }
            return Some(attributes);
        }
        let pairs = self.record(&value, key)?;
        Some(
            pairs
                .into_iter()
                .map(|(name, value)| Attribute {
                    name,
                    value: Some(value),
                })
                .collect(),
        )
    }
}
