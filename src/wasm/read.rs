//! Reading JavaScript values into the core's types: the `input` and `config`
//! of a call, a password policy, and a response body. Every value of the
//! wrong type and every unknown key is a problem, collected with the others.
//! A member is read by its name where the struct field is set, so no list of
//! keys binds fields by position.
use alloc::string::String;
use alloc::vec::Vec;

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::config::{self, Config, MAX_MAX_ATTEMPTS, MAX_TIMEOUT_MS};
use crate::error::Problem;
use crate::operation::{JsonKind, Member, Operation};
use crate::password_policy::{PasswordPolicy, MAX_MINIMUM_LENGTH, MIN_MINIMUM_LENGTH};
#[cfg(any(feature = "client", feature = "srp"))]
use crate::request::Document;
use crate::request::{AnalyticsMetadata, Attribute, Request, UserContextData};
use crate::response::JsonObject;
use crate::text::push_decimal;

#[wasm_bindgen(module = "/src/wasm/read.js")]
extern "C" {
    /// `target[key]`, or `undefined` if it is `null` or reading it throws.
    pub fn get(target: &JsValue, key: &str) -> JsValue;
    /// `Object.keys(target)`, or none if listing them throws.
    fn keys(target: &JsValue) -> Array;
    /// `get(target, key)`, and `key` leaves `unread`, the keys not read yet.
    fn take(target: &JsValue, key: &str, unread: &Array) -> JsValue;
}

/// The configuration and the caller's abort signal.
pub struct Options {
    /// Everything but the signal.
    pub config: Config,
    /// `abortSignal`.
    pub abort_signal: Option<AbortSignal>,
}

/// Reads `input`, the request of `op`, and `config`: what they say, and the
/// problems found reading them.
pub fn call(op: Operation, input: &JsValue, config: &JsValue) -> (Request, Options, Vec<Problem>) {
    read(input, config, [op.name(), "Request"])
}

/// Reads `signIn`'s `input` and `config`, as [`call`] reads a call's.
#[cfg(feature = "srp")]
pub fn sign_in(input: &JsValue, config: &JsValue) -> (Request, Options, Vec<Problem>) {
    read(input, config, ["signIn's input", ""])
}

/// Reads `input` (a request named `owner` in problems) and `config`.
fn read(
    input: &JsValue,
    config: &JsValue,
    owner: [&'static str; 2],
) -> (Request, Options, Vec<Problem>) {
    let mut r = Reader(Vec::new());
    let request = r.request(owner, input);
    let options = r.options(config);
    (request, options, r.0)
}

/// Reads a `PasswordPolicyType` object found at `field`.
pub fn password_policy(value: &JsValue, field: &str) -> (Option<PasswordPolicy>, Vec<Problem>) {
    let mut r = Reader(Vec::new());
    let policy = r.password_policy(value, field);
    (policy, r.0)
}

/// Whether `value` is an object but not an array (nor `null`).
pub fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !Array::is_array(value)
}

/// A response body parsed by the platform, seen by the core.
pub struct JsBody<'a>(pub &'a JsValue);

impl JsonObject for JsBody<'_> {
    fn string(&self, key: &'static str) -> Option<String> {
        get(self.0, key).as_string()
    }
    fn has(&self, key: &'static str, kind: JsonKind) -> bool {
        let value = get(self.0, key);
        match kind {
            JsonKind::String => value.is_string(),
            JsonKind::Boolean => value.as_bool().is_some(),
            #[cfg(any(feature = "client", feature = "srp"))]
            JsonKind::Object => is_plain_object(&value),
        }
    }
}

/// The problems found so far.
struct Reader(Vec<Problem>);

/// An object being read: its value, the prefix of its members' field names,
/// its type's name, the keys it has that were not read yet, and where its
/// problems begin.
struct Members<'v> {
    value: &'v JsValue,
    prefix: String,
    owner: [&'static str; 2],
    unread: Array,
    first_problem: usize,
}

impl Reader {
    fn refuse(&mut self, field: &str, message: &'static str) {
        self.0.push(Problem::new(field, message));
    }

    /// The members of `value`, found at `field`, if it is a plain object;
    /// `None` (and a problem, unless it is `undefined` or `null`) if not.
    fn members<'v>(
        &mut self,
        value: &'v JsValue,
        field: &str,
        prefix: String,
        owner: [&'static str; 2],
    ) -> Option<Members<'v>> {
        if !is_plain_object(value) {
            if !value.is_undefined() && !value.is_null() {
                self.refuse(field, "must be an object");
            }
            return None;
        }
        Some(Members {
            value,
            prefix,
            owner,
            unread: keys(value),
            first_problem: self.0.len(),
        })
    }

    /// Ends reading `m`: each key it has that was not read is a problem,
    /// listed before the problems of its members.
    fn finish(&mut self, m: &mut Members) {
        let message = ["is not a member of ", m.owner[0], m.owner[1]].concat();
        for (i, key) in m.unread.iter().enumerate() {
            let field = [m.prefix.as_str(), &key.as_string().unwrap_or_default()].concat();
            let problem = Problem::new(field, message.clone());
            self.0.insert(m.first_problem + i, problem);
        }
    }

    /// The member `key` of `m`, if it holds a value.
    fn take(&mut self, m: &mut Members, key: &str) -> Option<JsValue> {
        Some(take(m.value, key, &m.unread)).filter(|v| !v.is_undefined())
    }

    fn string(&mut self, m: &mut Members, key: &str) -> Option<String> {
        let value = self.take(m, key)?;
        self.as_string(&value, &[&m.prefix, key].concat())
    }

    /// `value`, found at `field`, if it is a string.
    fn as_string(&mut self, value: &JsValue, field: &str) -> Option<String> {
        let string = value.as_string();
        if string.is_none() {
            self.refuse(field, "must be a string");
        }
        string
    }

    fn boolean(&mut self, m: &mut Members, key: &str) -> Option<bool> {
        let boolean = self.take(m, key)?.as_bool();
        if boolean.is_none() {
            self.refuse(&[&m.prefix, key].concat(), "must be a boolean");
        }
        boolean
    }

    /// The number `key` of `m`, a whole number in `min..=max` (config.rs's
    /// `whole`: anything but a number is as wrong as one out of range).
    fn number(&mut self, m: &mut Members, key: &str, min: u32, max: u32) -> Option<u32> {
        let value = self.take(m, key)?;
        let number = config::whole(value.as_f64().unwrap_or(f64::NAN), min, max);
        number
            .map_err(|message| {
                self.0
                    .push(Problem::new([&m.prefix, key].concat(), message))
            })
            .ok()
    }

    fn request(&mut self, owner: [&'static str; 2], input: &JsValue) -> Request {
        let Some(mut m) = self.members(input, "input", String::new(), owner) else {
            return Request::default();
        };
        let m = &mut m;
        let request = Request {
            client_id: self.string(m, Member::ClientId.name()),
            secret_hash: self.string(m, Member::SecretHash.name()),
            username: self.string(m, Member::Username.name()),
            password: self.string(m, Member::Password.name()),
            user_attributes: self.attributes(m, Member::UserAttributes.name()),
            validation_data: self.attributes(m, Member::ValidationData.name()),
            confirmation_code: self.string(m, Member::ConfirmationCode.name()),
            force_alias_creation: self.boolean(m, Member::ForceAliasCreation.name()),
            analytics_metadata: self.nested(m, Member::AnalyticsMetadata.name(), |r, n| {
                AnalyticsMetadata {
                    analytics_endpoint_id: r.string(n, "AnalyticsEndpointId"),
                }
            }),
            user_context_data: self.nested(m, Member::UserContextData.name(), |r, n| {
                UserContextData {
                    ip_address: r.string(n, "IpAddress"),
                    encoded_data: r.string(n, "EncodedData"),
                }
            }),
            client_metadata: self
                .take(m, Member::ClientMetadata.name())
                .and_then(|v| self.record(&v, Member::ClientMetadata.name())),
            session: self.string(m, Member::Session.name()),
            auth_flow: self.string(m, Member::AuthFlow.name()),
            auth_parameters: self
                .take(m, Member::AuthParameters.name())
                .and_then(|v| self.record(&v, Member::AuthParameters.name())),
            // The sign-up module has no RespondToAuthChallenge: there these are unknown members.
            #[cfg(any(feature = "client", feature = "srp"))]
            challenge_name: self.string(m, Member::ChallengeName.name()),
            #[cfg(any(feature = "client", feature = "srp"))]
            challenge_responses: self
                .take(m, Member::ChallengeResponses.name())
                .and_then(|v| self.record(&v, Member::ChallengeResponses.name())),
            #[cfg(any(feature = "client", feature = "srp"))]
            access_token: self.string(m, Member::AccessToken.name()),
            #[cfg(any(feature = "client", feature = "srp"))]
            user_code: self.string(m, Member::UserCode.name()),
            #[cfg(any(feature = "client", feature = "srp"))]
            friendly_device_name: self.string(m, Member::FriendlyDeviceName.name()),
            #[cfg(any(feature = "client", feature = "srp"))]
            credential: self
                .take(m, Member::Credential.name())
                .and_then(|v| self.document(&v, Member::Credential.name())),
        };
        self.finish(m);
        request
    }

    /// Reads `config`; an absent one is the defaults.
    fn options(&mut self, config: &JsValue) -> Options {
        let mut options = Options {
            config: Config::new(),
            abort_signal: None,
        };
        let prefix = String::from("config.");
        let Some(mut m) = self.members(config, "config", prefix, ["the config", ""]) else {
            return options;
        };
        let m = &mut m;
        let o = &mut options.config;
        o.region = self.string(m, "region");
        o.user_pool_id = self.string(m, "userPoolId");
        o.endpoint = self.string(m, "endpoint");
        o.use_fips_endpoint = self.boolean(m, "useFipsEndpoint").unwrap_or(false);
        o.use_dualstack_endpoint = self.boolean(m, "useDualstackEndpoint").unwrap_or(false);
        o.client_secret = self.string(m, "clientSecret");
        if let Some(says) = o.client_secret.as_deref().and_then(config::client_secret) {
            self.refuse("config.clientSecret", says);
        }
        if let Some(policy) = self.take(m, "passwordPolicy") {
            o.password_policy = self.password_policy(&policy, "config.passwordPolicy");
        }
        if let Some(n) = self.number(m, "maxAttempts", 1, MAX_MAX_ATTEMPTS) {
            o.max_attempts = n;
        }
        o.timeout_ms = self.number(m, "timeoutMs", 1, MAX_TIMEOUT_MS);
        if let Some(signal) = self.take(m, "abortSignal") {
            match signal.dyn_into::<AbortSignal>() {
                Ok(signal) => options.abort_signal = Some(signal),
                Err(_) => self.refuse("config.abortSignal", "must be an AbortSignal"),
            }
        }
        self.finish(m);
        options
    }

    /// A `PasswordPolicyType` object found at `field`.
    fn password_policy(&mut self, value: &JsValue, field: &str) -> Option<PasswordPolicy> {
        let prefix = [field, "."].concat();
        let owner = ["PasswordPolicyType", ""];
        let mut m = self.members(value, field, prefix, owner)?;
        let m = &mut m;
        let policy = PasswordPolicy {
            minimum_length: self.number(m, "MinimumLength", MIN_MINIMUM_LENGTH, MAX_MINIMUM_LENGTH),
            require_uppercase: self.boolean(m, "RequireUppercase").unwrap_or(false),
            require_lowercase: self.boolean(m, "RequireLowercase").unwrap_or(false),
            require_numbers: self.boolean(m, "RequireNumbers").unwrap_or(false),
            require_symbols: self.boolean(m, "RequireSymbols").unwrap_or(false),
        };
        // Accepted, so that a policy copied from DescribeUserPool works; they
        // play no part in the check.
        self.take(m, "TemporaryPasswordValidityDays");
        self.take(m, "PasswordHistorySize");
        self.finish(m);
        Some(policy)
    }

    /// The member `key` of `m`, a structure whose members `read` reads.
    fn nested<T>(
        &mut self,
        m: &mut Members,
        key: &'static str,
        read: impl FnOnce(&mut Self, &mut Members) -> T,
    ) -> Option<T> {
        let value = self.take(m, key)?;
        let prefix = [key, "."].concat();
        let mut n = self.members(&value, key, prefix, [key, ""])?;
        let t = read(self, &mut n);
        self.finish(&mut n);
        Some(t)
    }

    /// `value`, found at `key`, as a map of strings to strings (ClientMetadata, AuthParameters),
    /// in key order; entries holding `undefined` are left out.
    fn record(&mut self, value: &JsValue, key: &'static str) -> Option<Vec<(String, String)>> {
        let prefix = [key, "."].concat();
        let m = self.members(value, key, prefix, [key, ""])?;
        let mut pairs = Vec::new();
        for name in m.unread.iter().filter_map(|k| k.as_string()) {
            let Some(value) = Some(get(value, &name)).filter(|v| !v.is_undefined()) else {
                continue;
            };
            if let Some(v) = self.as_string(&value, &[key, ".", &name].concat()) {
                pairs.push((name, v));
            }
        }
        Some(pairs)
    }

    /// `value`, found at `key`, as a JSON document (the service model's
    /// `Document`): an object, written as `JSON.stringify` writes it.
    #[cfg(any(feature = "client", feature = "srp"))]
    fn document(&mut self, value: &JsValue, key: &str) -> Option<Document> {
        let text = Some(value)
            .filter(|v| is_plain_object(v))
            .and_then(|v| js_sys::JSON::stringify(v).ok())
            .and_then(|t| t.as_string());
        if text.is_none() {
            self.refuse(key, "must be an object (a JSON document)");
        }
        text.map(Document)
    }

    /// An attribute list, the member `key`: `[{ Name, Value }]` as the API
    /// has it, or a record `{ email: "…" }` for convenience.
    fn attributes(&mut self, m: &mut Members, key: &'static str) -> Option<Vec<Attribute>> {
        let value = self.take(m, key)?;
        if !Array::is_array(&value) {
            let pairs = self.record(&value, key)?;
            let attribute = |(name, value)| Attribute {
                name,
                value: Some(value),
            };
            return Some(pairs.into_iter().map(attribute).collect());
        }
        let mut attributes = Vec::new();
        for (i, item) in value.unchecked_ref::<Array>().iter().enumerate() {
            let mut at = String::from(key);
            at.push('[');
            push_decimal(&mut at, i as u32);
            at.push(']');
            let prefix = [&at, "."].concat();
            let owner = ["AttributeType", ""];
            let Some(mut n) = self.members(&item, &at, prefix, owner) else {
                if item.is_undefined() || item.is_null() {
                    self.refuse(&at, "must be an object");
                }
                continue;
            };
            let name = self.take(&mut n, "Name");
            let name_field = [&n.prefix, "Name"].concat();
            let text = name.as_ref().and_then(|v| self.as_string(v, &name_field));
            let value = self.string(&mut n, "Value");
            self.finish(&mut n);
            match (text, name) {
                (Some(name), _) => attributes.push(Attribute { name, value }),
                (None, None) => self.0.push(Problem::new(name_field, "is required")),
                (None, Some(_)) => {}
            }
        }
        Some(attributes)
    }
}
