//! The call's configuration (`config` in JavaScript): where to send it, the
//! client secret, the password policy, retries and the timeout.
use alloc::string::String;
use core::fmt;

use crate::endpoint;
use crate::error::Problem;
use crate::password_policy::PasswordPolicy;
use crate::text::{push_decimal, split_last};

/// The default `maxAttempts`: the first try and two retries.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// The largest `maxAttempts` accepted.
pub const MAX_MAX_ATTEMPTS: u32 = 10;
/// The largest `timeoutMs` accepted (the largest `setTimeout` delay).
pub const MAX_TIMEOUT_MS: u32 = 2_147_483_647;

/// The configuration of one call, read from the JS `config` object.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `region`, e.g. `eu-west-1`.
    pub region: Option<String>,
    /// `userPoolId`, e.g. `eu-west-1_AbC123`: gives the region when `region` is absent.
    pub user_pool_id: Option<String>,
    /// `endpoint`: a URL that overrides the resolved endpoint (a proxy, an emulator).
    pub endpoint: Option<String>,
    /// `useFipsEndpoint`.
    pub use_fips_endpoint: bool,
    /// `useDualstackEndpoint`.
    pub use_dualstack_endpoint: bool,
    /// `clientSecret`: makes the call compute `SecretHash` (server-side use only).
    pub client_secret: Option<String>,
    /// `passwordPolicy`: the pool's policy, checked before SignUp.
    pub password_policy: Option<PasswordPolicy>,
    /// `maxAttempts`: 1 disables retries.
    pub max_attempts: u32,
    /// `timeoutMs`: the longest one attempt may take.
    pub timeout_ms: Option<u32>,
}

/// Hides the client secret.
impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("region", &self.region)
            .field("user_pool_id", &self.user_pool_id)
            .field("endpoint", &self.endpoint)
            .field("use_fips_endpoint", &self.use_fips_endpoint)
            .field("use_dualstack_endpoint", &self.use_dualstack_endpoint)
            .field(
                "client_secret",
                &self.client_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("password_policy", &self.password_policy)
            .field("max_attempts", &self.max_attempts)
            .field("timeout_ms", &self.timeout_ms)
            .finish()
    }
}

impl Config {
    /// A configuration with the defaults and nothing else set.
    pub fn new() -> Config {
        Config {
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            ..Config::default()
        }
    }

    /// The URL to send to: `endpoint`, else the Cognito endpoint of
    /// `region`, else of `userPoolId`'s region; or why there is none.
    pub fn resolve_url(&self) -> Result<String, Problem> {
        let pool_region = match &self.user_pool_id {
            Some(id) => Some(user_pool_region(id).ok_or_else(|| {
                Problem::new("config.userPoolId", "must look like eu-west-1_AbC123")
            })?),
            None => None,
        };
        if let Some(url) = &self.endpoint {
            return self.custom_endpoint(url);
        }
        let (region, field) = match (&self.region, pool_region) {
            (Some(region), Some(pool)) if pool != region && endpoint::partition(pool).is_some() => {
                return Err(Problem::new(
                    "config.userPoolId",
                    "is in another region than config.region",
                ))
            }
            (Some(region), _) => (region.as_str(), "config.region"),
            (None, Some(pool)) => (pool, "config.userPoolId"),
            (None, None) => {
                return Err(Problem::new(
                    "config.region",
                    "is required without config.userPoolId or config.endpoint",
                ))
            }
        };
        endpoint::resolve(region, self.use_fips_endpoint, self.use_dualstack_endpoint)
            .ok_or_else(|| Problem::new(field, "is not an AWS region such as eu-west-1"))
    }

    fn custom_endpoint(&self, url: &str) -> Result<String, Problem> {
        if self.use_fips_endpoint {
            return Err(Problem::new(
                "config.useFipsEndpoint",
                "cannot be used with a custom endpoint",
            ));
        }
        if self.use_dualstack_endpoint {
            return Err(Problem::new(
                "config.useDualstackEndpoint",
                "cannot be used with a custom endpoint",
            ));
        }
        endpoint::check_custom(url).map_err(|says| Problem::new("config.endpoint", says))?;
        Ok(String::from(url))
    }
}

/// The region prefix of a user pool id (`UserPoolIdType`: `[\w-]+_[0-9a-zA-Z]+`,
/// at most 55 characters), or `None` when the id has another shape.
pub fn user_pool_region(id: &str) -> Option<&str> {
    let (region, suffix) = split_last(id, b'_')?;
    let well_formed = id.len() <= 55
        && !region.is_empty()
        && region
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !suffix.is_empty()
        && suffix.chars().all(|c| c.is_ascii_alphanumeric());
    well_formed.then_some(region)
}

/// `n` as a whole number in `min..=max`, or `None`.
pub fn whole_number(n: f64, min: u32, max: u32) -> Option<u32> {
    let whole = n as u32;
    (whole as f64 == n && whole >= min && whole <= max).then_some(whole)
}

/// `n` (any number) as a whole number in `min..=max`, or what is wrong with
/// it. Both doors read their numeric settings through it, so that they say the same.
pub fn whole(n: f64, min: u32, max: u32) -> Result<u32, String> {
    whole_number(n, min, max).ok_or_else(|| {
        let mut message = String::from("must be a whole number from ");
        push_decimal(&mut message, min);
        message.push_str(" to ");
        push_decimal(&mut message, max);
        message
    })
}

/// `maxAttempts` (`n`: any number): the setting, or what is wrong with it.
pub fn max_attempts(n: f64) -> Result<u32, String> {
    whole(n, 1, MAX_MAX_ATTEMPTS)
}

/// `timeoutMs` (`n`: any number): the setting, or what is wrong with it.
pub fn timeout_ms(n: f64) -> Result<u32, String> {
    whole(n, 1, MAX_TIMEOUT_MS)
}

/// What is wrong with `clientSecret`, if anything.
pub fn client_secret(secret: &str) -> Option<&'static str> {
    secret.is_empty().then_some("must not be empty")
}
