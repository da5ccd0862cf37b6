#!/usr/bin/env python3
"""Writes the page's config.json for a local emulator, from the CL_*
variables of $STATE/emulators.env: the endpoint, the pool, the public
client, the pool's password policy and the attributes the page asks for:
the page the tests drive (make demo writes its own with npx cognito-signup
config, from the pool's description).

Usage: page-config.py OUTPUT"""
import json
import os
import sys

from setup_pool import POLICY

config = {
    "userPoolId": os.environ["CL_POOL_ID"],
    "clientId": os.environ["CL_CLIENT_ID"],
    "endpoint": os.environ["CL_ENDPOINT"],
    "passwordPolicy": POLICY,
    "attributes": [
        {"name": "email", "label": "Email", "type": "email", "required": True, "autocomplete": "email"},
        {"name": "name", "label": "First name", "type": "text", "autocomplete": "given-name"},
        {"name": "family_name", "label": "Last name", "type": "text", "autocomplete": "family-name"},
        {"name": "custom:city", "label": "City", "type": "text", "autocomplete": "address-level2"},
    ],
    "resendCooldownSeconds": int(os.environ.get("RESEND_COOLDOWN", "30")),
}
with open(sys.argv[1], "w") as f:
    json.dump(config, f, indent=2)
    f.write("\n")
