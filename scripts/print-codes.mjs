// Prints each confirmation code cognito-local issues, as it issues it: no
// e-mail leaves the machine, so this terminal is the user's inbox. It watches
// the pool's own file: cognito-local writes its log in batches, so a code
// could wait there until later requests pushed it out.
// Usage: node scripts/print-codes.mjs POOL_FILE ($CL_DB/$CL_POOL_ID.json)
import { readFileSync } from "node:fs";

const poolFile = process.argv[2];
const shown = new Map();

setInterval(() => {
  let users;
  try {
    users = JSON.parse(readFileSync(poolFile, "utf8")).Users ?? {};
  } catch {
    return; // not written yet, or caught mid-write: the next look sees it
  }
  for (const [username, user] of Object.entries(users)) {
    const code = user.ConfirmationCode;
    if (!code || shown.get(username) === code) continue;
    shown.set(username, code);
    const email = user.Attributes?.find((a) => a.Name === "email")?.Value ?? "no e-mail";
    console.log(`>>> confirmation code for ${username} (sent to ${email}): ${code}`);
  }
}, 250);
