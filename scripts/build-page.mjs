// Writes the reference page (www/) into OUT with its form in index.html: the
// markup `npx cognito-signup html` writes for CONFIG (the package's own bin,
// pkg/cli.js), in place of the comment inside <cognito-sign-up>, and the
// stylesheets inline: the element's rules (`npx cognito-signup style`) in
// place of the link to element.css, and the page's own few (style.css), so
// that the form shows styled at first paint with no stylesheet to wait for,
// and the element takes it over. The page server allows each <style> by its
// hash (scripts/serve.mjs). make demo, the first-paint tests and make bench
// serve what this writes.
// Usage: node scripts/build-page.mjs CONFIG OUT [LANG]
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";

const [config, out, lang] = process.argv.slice(2);
const root = new URL("..", import.meta.url).pathname;
cpSync(`${root}www`, out, { recursive: true });
const cli = (...args) => execFileSync(process.execPath, [`${root}pkg/cli.js`, ...args], { encoding: "utf8" }).trim();
const markup = cli("html", ...(lang ? ["--lang", lang] : []), config);
const page = readFileSync(`${out}/index.html`, "utf8");
const placeholder = /<!-- the form: npx cognito-signup html config\.json -->/;
const linked = /<link rel="stylesheet" href="pkg\/element\.css">/;
const own = /<link rel="stylesheet" href="style\.css">/;
if (!placeholder.test(page) || !linked.test(page) || !own.test(page)) throw new Error("www/index.html has no place for the form or for the rules");
const style = cli("style");
const ownStyle = `<style>${readFileSync(`${out}/style.css`, "utf8")}</style>`;
writeFileSync(`${out}/index.html`, page.replace(placeholder, () => markup).replace(linked, () => style).replace(own, () => ownStyle));
