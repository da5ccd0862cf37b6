// Prints each confirmation code cognito-local issues, as it issues it: no
// e-mail leaves the machine, so this terminal is the user's inbox.
// Usage: node scripts/print-codes.mjs LOGFILE
import { openSync, readSync, statSync } from "node:fs";

const log = process.argv[2];
const fd = openSync(log, "r");
let offset = 0;
let pending = "";
const BOX = /Username:\s+(\S+)[^╰]*?Destination:\s+(\S+)[^╰]*?Code:\s+(\d+)/g;

setInterval(() => {
  const size = statSync(log).size;
  if (size <= offset) return;
  const buffer = Buffer.alloc(size - offset);
  offset += readSync(fd, buffer, 0, buffer.length, offset);
  pending += buffer.toString("utf8").replace(/\x1b\[[0-9;]*m/g, "");
  let match;
  let consumed = 0;
  while ((match = BOX.exec(pending))) {
    console.log(`>>> confirmation code for ${match[1]} (sent to ${match[2]}): ${match[3]}`);
    consumed = BOX.lastIndex;
  }
  pending = pending.slice(consumed);
  BOX.lastIndex = 0;
}, 250);
