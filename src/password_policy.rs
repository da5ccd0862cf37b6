//! A user pool's password policy (`PasswordPolicyType`) and the check of a
//! password against it, for live UI (`checkPassword`) and before SignUp.
//!
//! Letters and digits are the ASCII ones, as Cognito's documentation lists
//! them; the symbols are Cognito's list, plus an inner space, which Cognito
//! counts as a symbol.
use alloc::string::String;
use alloc::vec::Vec;

use crate::error::Problem;
use crate::text::{char_count, push_decimal};

/// Cognito's special characters.
pub const SYMBOLS: &str = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";

/// The shortest `MinimumLength` Cognito allows in a policy.
pub const MIN_MINIMUM_LENGTH: u32 = 6;
/// The longest `MinimumLength` Cognito allows in a policy.
pub const MAX_MINIMUM_LENGTH: u32 = 99;

/// A pool's password policy, with the names of `PasswordPolicyType`.
#[cfg_attr(feature = "client", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "client", serde(rename_all = "PascalCase", default))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PasswordPolicy {
    /// `MinimumLength`: the fewest characters a password may have.
    pub minimum_length: Option<u32>,
    /// `RequireUppercase`: at least one of A–Z.
    pub require_uppercase: bool,
    /// `RequireLowercase`: at least one of a–z.
    pub require_lowercase: bool,
    /// `RequireNumbers`: at least one of 0–9.
    pub require_numbers: bool,
    /// `RequireSymbols`: at least one of [`SYMBOLS`] or an inner space.
    pub require_symbols: bool,
}

/// One rule of a policy, named as in `PasswordPolicyType`.
#[cfg_attr(feature = "client", derive(serde::Serialize, serde::Deserialize))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PolicyRule {
    /// `MinimumLength`.
    MinimumLength,
    /// `RequireUppercase`.
    RequireUppercase,
    /// `RequireLowercase`.
    RequireLowercase,
    /// `RequireNumbers`.
    RequireNumbers,
    /// `RequireSymbols`.
    RequireSymbols,
}

impl PolicyRule {
    /// The rule's name in `PasswordPolicyType`, as `checkPassword` returns it.
    pub fn name(self) -> &'static str {
        match self {
            PolicyRule::MinimumLength => "MinimumLength",
            PolicyRule::RequireUppercase => "RequireUppercase",
            PolicyRule::RequireLowercase => "RequireLowercase",
            PolicyRule::RequireNumbers => "RequireNumbers",
            PolicyRule::RequireSymbols => "RequireSymbols",
        }
    }
}

/// Every rule of `policy` that `password` does not meet, in policy order.
pub fn unmet_rules(password: &str, policy: &PasswordPolicy) -> Vec<PolicyRule> {
    // Every class is ASCII, so bytes serve: a byte of a multibyte character matches none.
    let has = |test: fn(&u8) -> bool| password.as_bytes().iter().any(test);
    let has_symbol = has(|b| SYMBOLS.as_bytes().contains(b)) || has_inner_space(password);
    let mut unmet = Vec::new();
    let checks = [
        (
            PolicyRule::MinimumLength,
            policy
                .minimum_length
                .is_none_or(|min| char_count(password) >= min),
        ),
        (
            PolicyRule::RequireUppercase,
            !policy.require_uppercase || has(u8::is_ascii_uppercase),
        ),
        (
            PolicyRule::RequireLowercase,
            !policy.require_lowercase || has(u8::is_ascii_lowercase),
        ),
        (
            PolicyRule::RequireNumbers,
            !policy.require_numbers || has(u8::is_ascii_digit),
        ),
        (
            PolicyRule::RequireSymbols,
            !policy.require_symbols || has_symbol,
        ),
    ];
    for (rule, met) in checks {
        if !met {
            unmet.push(rule);
        }
    }
    unmet
}

/// Whether `password` has a space that is neither leading nor trailing.
fn has_inner_space(password: &str) -> bool {
    let bytes = password.as_bytes();
    let first = bytes.iter().position(|&b| b != b' ');
    let last = bytes.iter().rposition(|&b| b != b' ');
    match (first, last) {
        (Some(first), Some(last)) => bytes[first..last].contains(&b' '),
        _ => false,
    }
}

/// The unmet rules as refusals of the `Password` field.
pub fn problems(password: &str, policy: &PasswordPolicy) -> Vec<Problem> {
    unmet_rules(password, policy)
        .into_iter()
        .map(|rule| {
            let mut p = match rule {
                PolicyRule::MinimumLength => {
                    let mut m = String::from("must have at least ");
                    push_decimal(&mut m, policy.minimum_length.unwrap_or_default());
                    m.push_str(" characters");
                    Problem::new("Password", m)
                }
                PolicyRule::RequireUppercase => {
                    Problem::new("Password", "must contain an uppercase letter")
                }
                PolicyRule::RequireLowercase => {
                    Problem::new("Password", "must contain a lowercase letter")
                }
                PolicyRule::RequireNumbers => Problem::new("Password", "must contain a number"),
                PolicyRule::RequireSymbols => Problem::new("Password", "must contain a symbol"),
            };
            p.policy = true;
            p
        })
        .collect()
}
