// Serves the sign-up page (www/) and the npm package (pkg/, at /pkg/) on
// 127.0.0.1 with the right MIME types and the page's Content-Security-Policy,
// whose connect-src is the Cognito endpoint of the page's config (csp()).
// Usage: node scripts/serve.mjs [port (0: any free one)] [config.json to serve as /config.json] [site]
// With a site directory (the Leptos page's build), every other path comes from it.
// WWW=dir serves the page from dir instead of www/ (scripts/build-page.mjs's
// output); HOLD=/path:ms holds that file back, as a slow network would.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { TYPES } from "./static.mjs";
import { createHash } from "node:crypto";

const root = new URL("..", import.meta.url).pathname;
const port = Number(process.argv[2] ?? 8080);
const configFile = process.argv[3] ?? join(root, "www/config.json");
const site = process.argv[4];
const www = process.env.WWW ?? join(root, "www");
const [held, holdMs] = (process.env.HOLD ?? "").split(":");

/** The Cognito origin the page talks to, from its config ("" without one). */
async function cognitoOrigin() {
  const config = JSON.parse(await readFile(configFile, "utf8").catch(() => "{}"));
  if (config.endpoint) return new URL(config.endpoint).origin;
  const region = config.region ?? config.userPoolId?.split("_")[0];
  return region ? `https://cognito-idp.${region}.amazonaws.com` : "";
}

/**
 * The page's policy. www/ (<cognito-sign-up>) gets no inline styles but
 * the <style> elements of the page served (`styles`: each one's hash, as a
 * build would list them), and Trusted Types; the Leptos site does without the two (its framework
 * renders templates through innerHTML).
 */
function csp(origin, styles = []) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    ...(site ? [] : [["style-src 'self'", ...styles].join(" "), "require-trusted-types-for 'script'"]),
    `connect-src 'self' ${origin}`,
    "img-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The CSP source of each <style> element in `html` (scripts/build-page.mjs writes the page's rules inline). */
const styleHashes = (html) => [...html.matchAll(/<style>([^]*?)<\/style>/g)].map(([, css]) => `'sha256-${createHash("sha256").update(css).digest("base64")}'`);

/** The file a URL path names: /pkg/… from pkg/, /config.json from the config, the rest from www/. */
function fileFor(pathname) {
  const path = normalize(decodeURIComponent(pathname));
  if (path.includes("..")) return null;
  if (path === "/config.json") return configFile;
  if (site) return join(site, path === "/" ? "index.html" : path);
  if (path.startsWith("/pkg/")) return join(root, path);
  return join(www, path === "/" ? "index.html" : path);
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url, "http://x");
  if (held && pathname === held) await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  const file = fileFor(pathname);
  try {
    if (!file || !["GET", "HEAD"].includes(request.method)) throw Object.assign(new Error("not found"), { code: "ENOENT" });
    const body = await readFile(file);
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Security-Policy": csp(await cognitoOrigin(), extname(file) === ".html" ? styleHashes(body.toString("utf8")) : []),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
    response.end(body);
  } catch (error) {
    response.writeHead(error.code === "ENOENT" || error.code === "EISDIR" ? 404 : 500, { "Content-Type": "text/plain" });
    response.end(error.code === "ENOENT" || error.code === "EISDIR" ? "not found\n" : "server error\n");
  }
});
server.listen(port, "127.0.0.1", () => console.log(`serving the sign-up page on http://127.0.0.1:${server.address().port}/`));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
