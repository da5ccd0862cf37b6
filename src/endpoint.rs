//! Endpoint resolution as Cognito's endpoint rule set does it, over the AWS
//! partitions of `partitions.json`, and the check of a custom endpoint.
//!
//! Every partition supports FIPS and dual-stack (as `partitions.json` says,
//! which a test checks), so the rule set's "does not support" errors cannot
//! occur. Unlike the SDK's `aws.partition`, a region that matches no
//! partition is refused instead of being sent to the `aws` partition.
use alloc::string::String;

/// An AWS partition: how its region names look and its DNS suffixes.
#[derive(Debug, PartialEq, Eq)]
pub struct Partition {
    /// The partition id, e.g. `aws-cn`.
    pub id: &'static str,
    /// The region name's leading segments, `-` between segments and `,`
    /// between a segment's alternatives (`us,eu,…`, `us-gov`, …); a `\w+`
    /// and a `\d+` segment follow. One string, not a slice of slices: their
    /// pointers took more of the wasm than the names.
    lead: &'static str,
    /// Region names outside the pattern that the partition lists (`aws-global`).
    listed: &'static str,
    /// `dnsSuffix`.
    pub dns_suffix: &'static str,
    /// `dualStackDnsSuffix`.
    pub dual_stack_dns_suffix: &'static str,
}

/// The partitions, in `partitions.json`'s order.
pub const PARTITIONS: [Partition; 8] = [
    Partition {
        id: "aws",
        lead: "us,eu,ap,sa,ca,me,af,il,mx",
        listed: "aws-global",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
    },
    Partition {
        id: "aws-cn",
        lead: "cn",
        listed: "aws-cn-global",
        dns_suffix: "amazonaws.com.cn",
        dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
    },
    Partition {
        id: "aws-eusc",
        lead: "eusc-de",
        listed: "",
        dns_suffix: "amazonaws.eu",
        dual_stack_dns_suffix: "api.amazonwebservices.eu",
    },
    Partition {
        id: "aws-iso",
        lead: "us-iso",
        listed: "aws-iso-global",
        dns_suffix: "c2s.ic.gov",
        dual_stack_dns_suffix: "api.aws.ic.gov",
    },
    Partition {
        id: "aws-iso-b",
        lead: "us-isob",
        listed: "aws-iso-b-global",
        dns_suffix: "sc2s.sgov.gov",
        dual_stack_dns_suffix: "api.aws.scloud",
    },
    Partition {
        id: "aws-iso-e",
        lead: "eu-isoe",
        listed: "aws-iso-e-global",
        dns_suffix: "cloud.adc-e.uk",
        dual_stack_dns_suffix: "api.cloud-aws.adc-e.uk",
    },
    Partition {
        id: "aws-iso-f",
        lead: "us-isof",
        listed: "aws-iso-f-global",
        dns_suffix: "csp.hci.ic.gov",
        dual_stack_dns_suffix: "api.aws.hci.ic.gov",
    },
    Partition {
        id: "aws-us-gov",
        lead: "us-gov",
        listed: "aws-us-gov-global",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
    },
];

impl Partition {
    fn matches_pattern(&self, region: &str) -> bool {
        let dash = |b: &u8| *b == b'-';
        let mut segments = region.as_bytes().split(dash);
        let lead_ok = self.lead.as_bytes().split(dash).all(|choices| {
            segments
                .next()
                .is_some_and(|s| choices.split(|&b| b == b',').any(|c| c == s))
        });
        let word = segments.next();
        let digits = segments.next();
        lead_ok
            && segments.next().is_none()
            && word.is_some_and(|w| {
                !w.is_empty() && w.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
            })
            && digits.is_some_and(|d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
    }
}

/// The partition of `region`: a listed name first, then the region patterns
/// in order, as the SDK's `aws.partition` looks it up.
pub fn partition(region: &str) -> Option<&'static Partition> {
    PARTITIONS
        .iter()
        .find(|p| !p.listed.is_empty() && p.listed == region)
        .or_else(|| PARTITIONS.iter().find(|p| p.matches_pattern(region)))
}

/// The Cognito endpoint for `region`, by the rule set, or `None` when the
/// region belongs to no partition.
pub fn resolve(region: &str, fips: bool, dual_stack: bool) -> Option<String> {
    let p = partition(region)?;
    let classic_fips = matches!(
        region,
        "us-east-1" | "us-east-2" | "us-west-1" | "us-west-2"
    );
    let (host, suffix) = match (fips, dual_stack) {
        (true, true) if classic_fips => ("cognito-idp-fips.", "amazonaws.com"),
        (true, true) => ("cognito-idp-fips.", p.dual_stack_dns_suffix),
        (true, false) => ("cognito-idp-fips.", p.dns_suffix),
        (false, true) if p.id == "aws" => ("cognito-idp.", "amazonaws.com"),
        (false, true) => ("cognito-idp.", p.dual_stack_dns_suffix),
        (false, false) => ("cognito-idp.", p.dns_suffix),
    };
    Some(["https://", host, region, ".", suffix].concat())
}

/// Checks a custom endpoint: an `https://` URL, or `http://` only to a
/// loopback host (127.0.0.0/8, `localhost`, `[::1]`), with no credentials
/// in it. Returns the reason it is refused.
pub fn check_custom(url: &str) -> Result<(), &'static str> {
    const SAYS: &str = "must be https://, or http:// to 127.0.0.1, localhost or [::1]";
    let bytes = url.as_bytes();
    let scheme = |name: &[u8]| {
        bytes
            .get(..name.len())
            .filter(|s| s.eq_ignore_ascii_case(name))
            .map(|_| &bytes[name.len()..])
    };
    let (secure, rest) = match (scheme(b"https://"), scheme(b"http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => return Err(SAYS),
    };
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain whitespace");
    }
    let authority = rest
        .split(|&b| matches!(b, b'/' | b'?' | b'#'))
        .next()
        .unwrap_or_default();
    if authority.contains(&b'@') {
        return Err("must not contain credentials");
    }
    let host = host_of(authority);
    if host.is_empty() {
        return Err(SAYS);
    }
    if secure || is_loopback(host) {
        Ok(())
    } else {
        Err(SAYS)
    }
}

/// The host of `host[:port]` or `[v6][:port]`.
fn host_of(authority: &[u8]) -> &[u8] {
    if authority.first() == Some(&b'[') {
        match authority.iter().position(|&b| b == b']') {
            Some(end) => &authority[..=end],
            None => &[],
        }
    } else {
        authority.split(|&b| b == b':').next().unwrap_or_default()
    }
}

/// A decimal 0..=255 without sign.
fn is_octet(digits: &[u8]) -> bool {
    let value = digits.iter().try_fold(0u32, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    });
    (1..=3).contains(&digits.len()) && value.is_some_and(|v| v <= 255)
}

fn is_loopback(host: &[u8]) -> bool {
    if host.eq_ignore_ascii_case(b"localhost") || host == b"[::1]" {
        return true;
    }
    let mut octets = host.split(|&b| b == b'.');
    let first = octets.next();
    let rest: [Option<&[u8]>; 3] = [octets.next(), octets.next(), octets.next()];
    first == Some(b"127".as_slice())
        && octets.next().is_none()
        && rest.iter().all(|o| o.is_some_and(is_octet))
}
