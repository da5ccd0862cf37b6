// The commands of `npx cognito-signup` (js/cli.js runs them): reading the
// files or standard input, and writing the configuration or the problems.
import { readFileSync } from "node:fs";
import { PoolProblem, checkConfig, configFromPool, describedPool } from "./pool.js";
import { renderSignUp, renderStyle } from "../element/html.js";

const USAGE = `usage:
  cognito-signup config [--endpoint URL] [pool.json] [client.json] [mfa.json]
      writes <cognito-sign-up>'s configuration from the pool's and the app client's own descriptions
      (--endpoint: where the form sends instead of Cognito's endpoint, such as a local emulator;
      mfa.json, optional: which second factors the pool asks for)
  cognito-signup check [--origin https://example.com] config.json [pool.json] [client.json] [mfa.json]
      names every way a configuration disagrees with its pool and app client (--origin: where the page
      is served, which must be able to use the pool's passkeys)
  cognito-signup html [--lang LANG] config.json
      writes <cognito-sign-up>'s markup for config.json, to put inside the tag (in the element's language)
  cognito-signup style [--hash]
      writes the element's rules as a <style> element, for the page's <head>; with --hash, the source
      that allows it in the page's Content-Security-Policy (style-src 'self' 'sha256-…')

pool.json and client.json are what the AWS CLI prints (no credentials are asked for here):
  aws cognito-idp describe-user-pool --user-pool-id <pool id> > pool.json
  aws cognito-idp describe-user-pool-client --user-pool-id <pool id> --client-id <client id> > client.json
  aws cognito-idp get-user-pool-mfa-config --user-pool-id <pool id> > mfa.json
Without them (or with "-") both are read from standard input, one after the other.`;

/** Each JSON document in `text`, as two answers piped one after the other are. */
export function jsonDocuments(text, where) {
  const docs = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if (c === "}" || c === "]") {
      if (--depth === 0) docs.push(text.slice(start, i + 1));
    } else if (depth === 0 && !/\s/.test(c)) throw new PoolProblem(`${where} is not JSON`);
  }
  if (depth !== 0) throw new PoolProblem(`${where} is not JSON: it ends too soon`);
  return docs.map((doc) => {
    try {
      return JSON.parse(doc);
    } catch {
      throw new PoolProblem(`${where} is not JSON`);
    }
  });
}

/** The documents of `files` ("-" or none: standard input). */
function read(files) {
  const sources = files.length > 0 ? files : ["-"];
  return sources.flatMap((file) => {
    const where = file === "-" ? "standard input" : file;
    let text;
    try {
      text = readFileSync(file === "-" ? 0 : file, "utf8");
    } catch (error) {
      throw new PoolProblem(`cannot read ${where}: ${error.code ?? error.message}`);
    }
    return jsonDocuments(text, where);
  });
}

/** `config` as JSON, two spaces deep, each attribute on a line of its own (as `www/config.example.json`). */
export function format(config) {
  const line = (attribute) => `{ ${Object.entries(attribute).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(", ")} }`;
  const attributes = `[\n${config.attributes.map((a) => `    ${line(a)}`).join(",\n")}\n  ]`;
  return JSON.stringify({ ...config, attributes: "\u0000" }, null, 2).replace('"\\u0000"', config.attributes.length > 0 ? attributes : "[]");
}

/** Runs the command of `args`; resolves to its exit code. `out` and `err` take lines. */
export async function main(args, out, err) {
  const [command, ...files] = args;
  /** The value of `--name` among the arguments (taken out of them), if given. */
  const option = (name) => {
    const at = files.indexOf(name);
    if (at < 0) return undefined;
    const value = files.splice(at, 2)[1];
    if (!value) throw new PoolProblem(`${name} needs a value`);
    return value;
  };
  try {
    if (command === "config") {
      const endpoint = option("--endpoint");
      const { pool, client, mfa } = describedPool(read(files));
      const { config, notes } = configFromPool(pool, client, mfa);
      out(format(endpoint ? { ...config, endpoint } : config));
      for (const note of notes) err(`cognito-signup: ${note}`);
      return 0;
    }
    if (command === "check" && files.length >= 1) {
      const origin = option("--origin");
      const [configFile, ...rest] = files;
      const [config] = read([configFile]);
      const { pool, client, mfa } = describedPool(read(rest));
      const found = checkConfig(config, pool, client, { mfa, origin });
      for (const problem of found) err(`cognito-signup: ${configFile}: ${problem}`);
      if (found.length === 0) err(`cognito-signup: ${configFile} agrees with the pool ${pool.Id} and the app client ${client.ClientId}`);
      return found.length === 0 ? 0 : 1;
    }
    if (command === "html") {
      const lang = option("--lang");
      if (files.length !== 1) throw new PoolProblem("html takes one configuration file");
      const [config] = read(files);
      out(await renderSignUp(config, { lang }));
      return 0;
    }
    if (command === "style" && files.every((f) => f === "--hash")) {
      const { html, hash } = renderStyle();
      out(files.length > 0 ? hash : html);
      return 0;
    }
    err(USAGE);
    return 2;
  } catch (error) {
    if (!(error instanceof PoolProblem)) throw error;
    err(`cognito-signup: ${error.message}`);
    return 1;
  }
}
