// `make bench`: cognito-signup side by side with the libraries it replaces,
// on this machine, in one run. Writes BENCHMARKS.md and exits non-zero when
// a budget is missed: shipped size at most SIZE_BUDGET gzip bytes, client CPU
// per call in Node at most CPU_BUDGET times the hand-written fetch floor.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants } from "node:zlib";
import { launchChromium } from "../scripts/chromium.mjs";
import { serveStatic } from "../scripts/static.mjs";
import { median, perCall } from "./stub.mjs";

const SIZE_BUDGET = 20_000;
const CPU_BUDGET = 1.3;
const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;
const dist = `${here}dist`;
const version = (name) => JSON.parse(readFileSync(`${here}node_modules/${name}/package.json`, "utf8")).version;
const LIBS = [
  { id: "cognito-signup", name: "cognito-signup (this package)", version: JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8")).version },
  { id: "fetch", name: "hand-written fetch (the floor)", version: "–" },
  { id: "identity-js", name: "amazon-cognito-identity-js", version: version("amazon-cognito-identity-js"), define: { global: "globalThis" } },
  { id: "amplify", name: "Amplify v6 `aws-amplify/auth` signUp", version: version("aws-amplify") },
  { id: "sdk", name: "AWS SDK v3 client-cognito-identity-provider", version: version("@aws-sdk/client-cognito-identity-provider") },
];
const COMPETITORS = ["identity-js", "amplify", "sdk"];
const log = (line) => process.stderr.write(`bench: ${line}\n`);

const gzip = (file) => Number(execFileSync("sh", ["-c", `gzip -9 -n -c '${file}' | wc -c`], { encoding: "utf8" }));
const brotli = (file) => brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sizes = (file) => ({ min: readFileSync(file).length, gzip: gzip(file), brotli: brotli(file) });

/** Browser bundles of every entry (what a page downloads), and a Node bundle of ours. */
async function bundle() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(`${dist}/node`, { recursive: true });
  for (const lib of LIBS) {
    await build({
      entryPoints: [`${here}entries/${lib.id}.mjs`],
      outfile: `${dist}/${lib.id}.js`,
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      define: lib.define ?? {},
      alias: { "cognito-signup": `${root}pkg/index.js` },
      logLevel: "error",
    });
  }
  copyFileSync(`${root}pkg/cognito_signup_bg.wasm`, `${dist}/cognito_signup_bg.wasm`);
  // The entry with the wasm inside (`cognito-signup/inline`): one file, no second request.
  await build({
    entryPoints: [`${here}entries/cognito-signup.mjs`],
    outfile: `${dist}/inline/cognito-signup.js`,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    alias: { "cognito-signup": `${root}pkg/inline.js` },
    logLevel: "error",
  });
  await build({
    entryPoints: [`${here}entries/cognito-signup.mjs`],
    outfile: `${dist}/node/cognito-signup.js`,
    bundle: true,
    format: "esm",
    platform: "node",
    alias: { "cognito-signup": `${root}pkg/node.js` },
    logLevel: "error",
  });
  copyFileSync(`${root}pkg/cognito_signup_bg.wasm`, `${dist}/node/cognito_signup_bg.wasm`);
  for (const lib of LIBS.slice(1)) copyFileSync(`${dist}/${lib.id}.js`, `${dist}/node/${lib.id}.js`);
  copyFileSync(`${here}stub.mjs`, `${dist}/stub.mjs`);
  copyFileSync(`${here}page.html`, `${dist}/index.html`);
  copyFileSync(`${here}page.mjs`, `${dist}/page.mjs`);
  const result = {};
  for (const lib of LIBS) result[lib.id] = sizes(`${dist}/${lib.id}.js`);
  const wasm = sizes(`${dist}/cognito_signup_bg.wasm`);
  const js = result["cognito-signup"];
  result["cognito-signup"] = { min: js.min + wasm.min, gzip: js.gzip + wasm.gzip, brotli: js.brotli + wasm.brotli, js, wasm };
  result.inline = sizes(`${dist}/inline/cognito-signup.js`);
  return result;
}

const NODE_PROCESSES = 5;

function nodeCpu() {
  const ids = LIBS.map((l) => l.id);
  const runs = Array.from({ length: NODE_PROCESSES }, (_, i) => {
    log(`Node CPU, process ${i + 1} of ${NODE_PROCESSES}`);
    return JSON.parse(execFileSync(process.execPath, [`${here}cpu-node.mjs`, `${dist}/node`, ...ids], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  });
  return perCall(runs);
}

function coldStart() {
  const result = {};
  for (const lib of LIBS) {
    const times = Array.from({ length: 7 }, () =>
      Number(execFileSync(process.execPath, [`${here}cold.mjs`, `${dist}/node/${lib.id}.js`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })),
    );
    result[lib.id] = median(times);
  }
  return result;
}

async function chromiumCpu() {
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}?ids=${LIBS.map((l) => l.id).join(",")}`);
    await page.waitForFunction(() => window.result, null, { timeout: 300_000 });
    return perCall([await page.evaluate(() => window.result)]);
  } finally {
    await browser.close();
    await server.close();
  }
}

function twiggyTop() {
  try {
    return execFileSync("bash", [`${root}scripts/twiggy-top.sh`], { encoding: "utf8" });
  } catch {
    return "(twiggy not available)\n";
  }
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (a, b) => (a / b).toFixed(2);

log("bundling");
const size = await bundle();
log("Node CPU");
const node = nodeCpu();
log("import + instantiate");
const cold = coldStart();
log("Chromium CPU");
const browserCpu = await chromiumCpu();

const ours = size["cognito-signup"];
const smallest = COMPETITORS.reduce((a, b) => (size[a].gzip <= size[b].gzip ? a : b));
const sizeOk = ours.gzip <= SIZE_BUDGET;
const cpuRatio = node["cognito-signup"] / node.fetch;
const cpuOk = cpuRatio <= CPU_BUDGET;
const rows = LIBS.map((lib) => {
  const s = size[lib.id];
  return `| ${lib.name} | ${lib.version} | ${fmt(s.min)} | ${fmt(s.gzip)} | ${fmt(s.brotli)} | ${ratio(s.gzip, size[smallest].gzip)} | ${ratio(s.gzip, size.fetch.gzip)} | ${fmt(node[lib.id], 1)} | ${ratio(node[lib.id], node.fetch)} | ${fmt(browserCpu[lib.id], 1)} | ${ratio(browserCpu[lib.id], browserCpu.fetch)} | ${fmt(cold[lib.id], 1)} |`;
});
const report = `# Benchmarks

Measured by \`make bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, on this repository's machine
(${fmt(Number(execFileSync("nproc", { encoding: "utf8" })))} cores, Node ${process.version}, Debian Chromium), all libraries in one run.

| library | version | min bytes | gzip -9 | brotli -q 11 | gzip ÷ smallest competitor | gzip ÷ floor | Node µs/call | ÷ floor | Chromium µs/call | ÷ floor | import + instantiate ms (Node) |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

- **Size**: what a page downloads for a sign-up. The competitors and the floor are esbuild browser
  bundles (\`--minify\`; amazon-cognito-identity-js needs \`--define:global=globalThis\`) of
  \`bench/entries/\`; cognito-signup is the bundle of its browser entry plus its \`.wasm\`
  (${fmt(ours.js.gzip)} + ${fmt(ours.wasm.gzip)} B gzip). The smallest competitor is ${LIBS.find((l) => l.id === smallest).name}.
- **The entry with the wasm inside** (\`cognito-signup/inline\`, for Rollup and for one request
  fewer): ${fmt(size.inline.min)} B minified, ${fmt(size.inline.gzip)} B gzip, ${fmt(size.inline.brotli)} B brotli
  (${fmt(size.inline.gzip - ours.gzip)} B gzip more than the entry and its \`.wasm\`).
- **Client CPU per sign-up**: \`fetch\` replaced by an in-process stub that answers at once with a
  canned SignUp response (\`bench/stub.mjs\`), so the network is out. All five run interleaved in one
  process: 10,000 warm-up calls each (enough for V8 to finish optimising: cognito-signup's wasm starts
  in the baseline compiler, and its first 2,000 calls run about 3× slower than its steady state, calls
  5,000 to 7,000 still 15% slower), then 7 rounds of 2,000 sequential calls (1,000 in Chromium), each
  round timing every library once in a rotated order, in 5 such Node processes (one page in Chromium);
  µs/call is a library's median round over all of them. In Node, cognito-signup runs its Node
  entry; the others their browser bundles. Most of the floor's time is Node's own \`Response\` and
  \`.json()\`, which every row pays.
- **Import + instantiate**: a fresh \`node\` process, from before the import to a ready sign-up
  function (for cognito-signup: reading, compiling and instantiating the wasm); median of 7.

## Budgets

| budget | limit | measured | |
|---|---:|---:|---|
| shipped size, gzip | ${fmt(SIZE_BUDGET)} B (0.74 of amazon-cognito-identity-js) | ${fmt(ours.gzip)} B (${ratio(ours.gzip, size[smallest].gzip)} of ${LIBS.find((l) => l.id === smallest).name}) | ${sizeOk ? "met" : "**missed**"} |
| client CPU per call in Node | ${CPU_BUDGET} × the floor | ${cpuRatio.toFixed(2)} × (${fmt(node["cognito-signup"], 1)} vs ${fmt(node.fetch, 1)} µs) | ${cpuOk ? "met" : "**missed**"} |

The long-term target is half the smallest competitor: ${fmt(Math.floor(size[smallest].gzip / 2))} B gzip
(${fmt(ours.gzip - Math.floor(size[smallest].gzip / 2))} B to go).

## Where the module's bytes are (twiggy, largest items of the optimised wasm)

\`\`\`
${twiggyTop().trimEnd()}
\`\`\`
`;
writeFileSync(`${root}BENCHMARKS.md`, report);
process.stdout.write(report);
if (!sizeOk || !cpuOk) {
  log(`budget missed: size ${sizeOk ? "ok" : "over"}, CPU ${cpuOk ? "ok" : "over"}`);
  process.exit(1);
}
