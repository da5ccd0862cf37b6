#!/usr/bin/env node
// `npx cognito-signup`: the element's configuration from the pool itself.
// Plain Node, no dependency, no credentials: it reads what the AWS CLI (or
// any SDK) printed. `config` writes a configuration, `check` names every
// way one disagrees with its pool, `html` writes the element's markup for a
// configuration (js/cli/main.js).
import { main } from "./cli/main.js";

process.exitCode = await main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`), (line) => process.stderr.write(`${line}\n`));
