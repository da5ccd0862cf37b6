//! Reading the JavaScript `input` and `config` into the core's types. Every
//! value of the wrong type and every unknown key is a problem, collected
//! with all the others.
//!
//! Each call into JavaScript costs more than most of the reading, so an
//! object's members are loaded by one call (`values.js`'s `load`) into
//! reserved slots, and only the members that hold a value are taken out, one
//! call each.
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use super::interned::key_list;
use super::js::{is_plain_object, unknown};
use crate::config::{whole_number, Config, MAX_MAX_ATTEMPTS, MAX_TIMEOUT_MS};
use crate::error::Problem;
use crate::operation::Operation;
use crate::password_policy::{PasswordPolicy, MAX_MINIMUM_LENGTH, MIN_MINIMUM_LENGTH};
use crate::request::{AnalyticsMetadata, Attribute, Request, UserContextData, MEMBERS};
use crate::text::push_decimal;

/// The configuration and the caller's abort signal.
pub struct Options {
    /// Everything but the signal.
    pub config: Config,
    /// `abortSignal`.
    pub abort_signal: Option<AbortSignal>,
}

#[wasm_bindgen(module = "/src/wasm/values.js")]
extern "C" {
    fn load(target: &JsValue, keys: &JsValue, base: u32) -> u32;
    #[wasm_bindgen(js_name = loadOwn)]
    fn load_own(target: &JsValue, base: u32) -> u32;
    fn take(slot: u32) -> JsValue;
    #[wasm_bindgen(js_name = takeString)]
    fn take_string(slot: u32) -> Option<String>;
}

/// The most members an object of the API has (a request's).
const MAX_MEMBERS: usize = MEMBERS.len();

/// The bit of `load`'s answer that says the object has keys it was not asked for.
const UNKNOWN_KEYS: u32 = 1 << 31;

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
    reading(problems, |r| {
        let Some(input) = r.object(input, "input") else {
            return Request::default();
        };
        let [client_id, secret_hash, username, password, user_attributes, validation_data, confirmation_code, force_alias_creation, analytics_metadata, user_context_data, client_metadata, session] =
            r.members(input, &MEMBERS, "", &[op.name(), "Request"]);
        Request {
            client_id: r.string(client_id, "ClientId"),
            secret_hash: r.string(secret_hash, "SecretHash"),
            username: r.string(username, "Username"),
            password: r.string(password, "Password"),
            user_attributes: r.attributes(user_attributes, "UserAttributes"),
            validation_data: r.attributes(validation_data, "ValidationData"),
            confirmation_code: r.string(confirmation_code, "ConfirmationCode"),
            force_alias_creation: r.boolean(force_alias_creation, "ForceAliasCreation"),
            analytics_metadata: r
                .nested(
                    analytics_metadata,
                    "AnalyticsMetadata",
                    &["AnalyticsEndpointId"],
                )
                .map(|([id, ..], r)| AnalyticsMetadata {
                    analytics_endpoint_id: r.string(id, "AnalyticsMetadata.AnalyticsEndpointId"),
                }),
            user_context_data: r
                .nested(
                    user_context_data,
                    "UserContextData",
                    &["IpAddress", "EncodedData"],
                )
                .map(|([ip_address, encoded_data, ..], r)| UserContextData {
                    ip_address: r.string(ip_address, "UserContextData.IpAddress"),
                    encoded_data: r.string(encoded_data, "UserContextData.EncodedData"),
                }),
            client_metadata: r.record(client_metadata, "ClientMetadata"),
            session: r.string(session, "Session"),
        }
    })
}

/// Reads `config`; an absent one is the defaults.
pub fn options(config: &JsValue, problems: &mut Vec<Problem>) -> Options {
    reading(problems, |r| {
        let mut options = Options {
            config: Config::new(),
            abort_signal: None,
        };
        let Some(c) = r.object(config, "config") else {
            return options;
        };
        let [region, user_pool_id, endpoint, use_fips_endpoint, use_dualstack_endpoint, client_secret, password_policy, max_attempts, timeout_ms, abort_signal, ..] =
            r.members(c, &CONFIG_KEYS, "config.", &["the config"]);
        let o = &mut options.config;
        o.region = r.string(region, "config.region");
        o.user_pool_id = r.string(user_pool_id, "config.userPoolId");
        o.endpoint = r.string(endpoint, "config.endpoint");
        o.use_fips_endpoint = r
            .boolean(use_fips_endpoint, "config.useFipsEndpoint")
            .unwrap_or(false);
        o.use_dualstack_endpoint = r
            .boolean(use_dualstack_endpoint, "config.useDualstackEndpoint")
            .unwrap_or(false);
        o.client_secret = r.string(client_secret, "config.clientSecret");
        if o.client_secret.as_deref() == Some("") {
            r.refuse("config.clientSecret", "must not be empty");
        }
        if let Some(policy) = password_policy.take() {
            o.password_policy = r.password_policy(&policy, "config.passwordPolicy");
        }
        if let Some(n) = r.number(max_attempts, "config.maxAttempts", 1, MAX_MAX_ATTEMPTS) {
            o.max_attempts = n;
        }
        o.timeout_ms = r.number(timeout_ms, "config.timeoutMs", 1, MAX_TIMEOUT_MS);
        if let Some(signal) = abort_signal.take() {
            match signal.dyn_into::<AbortSignal>() {
                Ok(signal) => options.abort_signal = Some(signal),
                Err(_) => r.refuse("config.abortSignal", "must be an AbortSignal"),
            }
        }
        options
    })
}

/// Reads a `PasswordPolicyType` object found at `field`.
pub fn password_policy(
    value: &JsValue,
    field: &str,
    problems: &mut Vec<Problem>,
) -> Option<PasswordPolicy> {
    reading(problems, |r| r.password_policy(value, field))
}

/// A member of an object as `load` found it: the slot of its value, or
/// `None` when it holds none. Its value can be taken once.
#[derive(Clone, Copy)]
struct Member(Option<u32>);

impl Member {
    /// The member's value, if it holds one.
    fn take(self) -> Option<JsValue> {
        self.0.map(take)
    }
}

/// The first slot that no reading in progress has reserved. Slots are
/// reserved like a stack: a call into the module made from a getter of the
/// input reads into slots above its caller's; see [`reading`].
struct NextSlot(Cell<u32>);

// SAFETY: wasm32-unknown-unknown without atomics runs one thread.
unsafe impl Sync for NextSlot {}

static NEXT_SLOT: NextSlot = NextSlot(Cell::new(0));

/// Runs `read` with a reader collecting into `problems`, and gives back the
/// slots it reserved.
fn reading<T>(problems: &mut Vec<Problem>, read: impl FnOnce(&mut Reader) -> T) -> T {
    let first = NEXT_SLOT.0.get();
    let result = read(&mut Reader { problems });
    NEXT_SLOT.0.set(first);
    result
}

struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Reader<'_> {
    /// The first of `count` slots, reserved for this reading.
    fn reserve(&mut self, count: u32) -> u32 {
        let base = NEXT_SLOT.0.get();
        NEXT_SLOT.0.set(base + count);
        base
    }

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

    /// Loads the members `allowed` of `object`, in their order (the members
    /// past them hold nothing), and refuses every other key it has; `owner`
    /// is the type's name, in parts.
    fn members(
        &mut self,
        object: &JsValue,
        allowed: &'static [&'static str],
        prefix: &str,
        owner: &[&str],
    ) -> [Member; MAX_MEMBERS] {
        let base = self.reserve(allowed.len() as u32);
        let present = load(object, key_list(allowed), base);
        if present & UNKNOWN_KEYS != 0 {
            for key in unknown(object, allowed).iter() {
                let field = [prefix, &key.as_string().unwrap_or_default()].concat();
                let message = ["is not a member of ", &owner.concat()].concat();
                self.problems.push(Problem::new(field, message));
            }
        }
        core::array::from_fn(|i| Member((present >> i & 1 == 1).then_some(base + i as u32)))
    }

    fn string(&mut self, member: Member, field: &str) -> Option<String> {
        let string = take_string(member.0?);
        if string.is_none() {
            self.refuse(field, "must be a string");
        }
        string
    }

    fn boolean(&mut self, member: Member, field: &str) -> Option<bool> {
        let boolean = member.take()?.as_bool();
        if boolean.is_none() {
            self.refuse(field, "must be a boolean");
        }
        boolean
    }

    fn number(&mut self, member: Member, field: &str, min: u32, max: u32) -> Option<u32> {
        let value = member.take()?;
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

    /// A nested structure, the member `key`, with the members `allowed`.
    fn nested(
        &mut self,
        member: Member,
        key: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<([Member; MAX_MEMBERS], &mut Self)> {
        let value = member.take()?;
        self.object(&value, key)?;
        let nested = self.members(&value, allowed, &[key, "."].concat(), &[key]);
        Some((nested, self))
    }

    /// A `PasswordPolicyType` object found at `field`.
    fn password_policy(&mut self, value: &JsValue, field: &str) -> Option<PasswordPolicy> {
        let p = self.object(value, field)?;
        let prefix = [field, "."].concat();
        let [minimum_length, uppercase, lowercase, numbers, symbols, ..] =
            self.members(p, &POLICY_KEYS, &prefix, &["PasswordPolicyType"]);
        let mut flag = |member: Member, key: &str| {
            self.boolean(member, &[&prefix, key].concat())
                .unwrap_or(false)
        };
        let policy = PasswordPolicy {
            minimum_length: None,
            require_uppercase: flag(uppercase, "RequireUppercase"),
            require_lowercase: flag(lowercase, "RequireLowercase"),
            require_numbers: flag(numbers, "RequireNumbers"),
            require_symbols: flag(symbols, "RequireSymbols"),
        };
        Some(PasswordPolicy {
            minimum_length: self.number(
                minimum_length,
                &[&prefix, "MinimumLength"].concat(),
                MIN_MINIMUM_LENGTH,
                MAX_MINIMUM_LENGTH,
            ),
            ..policy
        })
    }

    /// The member `key` as a map of strings to strings (ClientMetadata), in
    /// key order; entries holding `undefined` are left out.
    fn record(&mut self, member: Member, key: &'static str) -> Option<Vec<(String, String)>> {
        self.record_of(&member.take()?, key)
    }

    /// `value`, the member `key`, read as [`Self::record`] reads it.
    fn record_of(&mut self, value: &JsValue, key: &'static str) -> Option<Vec<(String, String)>> {
        self.object(value, key)?;
        let base = NEXT_SLOT.0.get();
        let count = load_own(value, base);
        self.reserve(2 * count);
        let mut pairs = Vec::new();
        for i in 0..count {
            let name = take_string(base + 2 * i).unwrap_or_default();
            match take_string(base + 2 * i + 1) {
                Some(v) => pairs.push((name, v)),
                None => self.refuse(&[key, ".", &name].concat(), "must be a string"),
            }
        }
        Some(pairs)
    }

    /// An attribute list, the member `key`: `[{ Name, Value }]` as the API
    /// has it, or a record `{ email: "…" }` for convenience.
    fn attributes(&mut self, member: Member, key: &'static str) -> Option<Vec<Attribute>> {
        let value = member.take()?;
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
                let [name, value, ..] =
                    self.members(&item, &["Name", "Value"], &prefix, &["AttributeType"]);
                let absent = name.0.is_none();
                let name = self.string(name, &[&prefix, "Name"].concat());
                let value = self.string(value, &[&prefix, "Value"].concat());
                match name {
                    Some(name) => attributes.push(Attribute { name, value }),
                    None if absent => {
                        self.problems
                            .push(Problem::new([&prefix, "Name"].concat(), "is required"));
                    }
                    None => {}
                }
            }
            return Some(attributes);
        }
        let pairs = self.record_of(&value, key)?;
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
