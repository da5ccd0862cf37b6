// Writes the reference page (www/) into OUT with its form in index.html: the
// markup `npx cognito-signup html` writes for CONFIG (the package's own bin,
// pkg/cli.js), in place of the comment inside <cognito-sign-up>, so that the
// form shows at first paint and the element takes it over. make demo and the
// first-paint tests serve what this writes.
// Usage: node scripts/build-page.mjs CONFIG OUT [LANG]
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const [config, out, lang] = process.argv.slice(2);
const root = new URL("..", import.meta.url).pathname;
cpSync(`${root}www`, out, { recursive: true });
const markup = execFileSync(process.execPath, [`${root}pkg/cli.js`, "html", ...(lang ? ["--lang", lang] : []), config], { encoding: "utf8" }).trim();
const page = readFileSync(`${out}/index.html`, "utf8");
const placeholder = /<!-- the form: npx cognito-signup html config\.json -->/;
if (!placeholder.test(page)) throw new Error("www/index.html has no place for the form");
writeFileSync(`${out}/index.html`, page.replace(placeholder, () => markup));
