// The Rust API on a server against aws-sdk-cognitoidentityprovider: two
// minimal binaries that sign one user up (bench/server/ours and
// bench/server/sdk, each with its own lockfile), and the floor: the same
// POST with the HTTP stack alone (bench/server/floor). For each: the clean
// `cargo build --release` time (crates fetched first, then built offline
// from an empty target directory), the crates it compiled, and its size
// once stripped; then the binary signs up once against a stub on 127.0.0.1,
// which must see exactly one SignUp.
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { createServer } from "node:http";
import { copyFileSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { CANNED, HEADERS } from "./stub.mjs";

const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;
export const SERVER_BINARIES = [
  { id: "ours", name: "cognito-signup (reqwest, rustls with ring)", bin: "signup-ours" },
  { id: "sdk", name: "aws-sdk-cognitoidentityprovider, default features", bin: "signup-sdk" },
  { id: "floor", name: "floor: one POST with reqwest, rustls (ring) and tokio alone", bin: "signup-floor" },
];

/** Answers every POST with the canned SignUp; counts the SignUps. */
async function stub() {
  const seen = { signUps: 0 };
  const server = createServer((request, response) => {
    request.resume().on("end", () => {
      if (String(request.headers["x-amz-target"]).endsWith(".SignUp")) seen.signUps++;
      response.writeHead(200, HEADERS).end(CANNED);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  seen.endpoint = `http://127.0.0.1:${server.address().port}`;
  seen.close = () => new Promise((resolve) => server.close(resolve));
  return seen;
}

/** Builds and measures each binary: `{ [id]: { seconds, crates, bytes } }`. */
export async function measureServerBinaries(log) {
  const result = {};
  for (const { id, bin } of SERVER_BINARIES) {
    const cwd = `${here}server/${id}`;
    const target = `${root}target/bench-server/${id}`;
    execFileSync("cargo", ["fetch", "--locked", "--quiet"], { cwd, stdio: "inherit" });
    rmSync(target, { recursive: true, force: true });
    log(`clean release build of ${id}`);
    const started = process.hrtime.bigint();
    const build = spawnSync("cargo", ["build", "--release", "--locked", "--offline"], {
      cwd,
      env: { ...process.env, CARGO_TARGET_DIR: target, CARGO_TERM_COLOR: "never" },
      encoding: "utf8",
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (build.status !== 0) throw new Error(`bench/server/${id} did not build:\n${build.stderr}`);
    const crates = build.stderr.split("\n").filter((line) => /^\s*Compiling /.test(line)).length;
    const stripped = `${target}/${bin}.stripped`;
    copyFileSync(`${target}/release/${bin}`, stripped);
    execFileSync("strip", [stripped]);
    const server = await stub();
    // Asynchronously: the stub answers from this process.
    const run = await promisify(execFile)(stripped, [], { env: { ...process.env, ENDPOINT: server.endpoint }, timeout: 30_000 });
    await server.close();
    if (!/^c4dda929-/.test(run.stdout) || server.signUps !== 1) {
      throw new Error(`bench/server/${id} did not sign up once: ${run.stdout} ${run.stderr} (${server.signUps} SignUps)`);
    }
    result[id] = { seconds, crates, bytes: statSync(stripped).size };
  }
  return result;
}

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const HEADING = "## The Rust API on a server";

/** The section of BENCHMARKS.md, and the targets it checks. */
function report(measured) {
  const { ours, sdk, floor } = measured;
  const targets = [
    ["clean release build time", ours.seconds / sdk.seconds],
    ["stripped binary size", ours.bytes / sdk.bytes],
  ].map(([what, value]) => ({ what, value, met: value <= 1 / 3 }));
  const rows = SERVER_BINARIES.map(({ id, name }) => {
    const m = measured[id];
    return `| ${name} | ${fmt(m.seconds, 1)} | ${m.crates} | ${fmt(m.bytes)} | ${(m.seconds / sdk.seconds).toFixed(2)} | ${(m.bytes / sdk.bytes).toFixed(2)} |`;
  });
  const text = `${HEADING}

Measured by \`make bench\` (bench/server.mjs) on ${new Date().toISOString().slice(0, 10)}: the smallest binary that signs one
user up (\`bench/server/\`, each with its own lockfile and the default release profile), built with
\`cargo build --release --locked --offline\` from an empty target directory after \`cargo fetch\`, on
this machine's ${fmt(Number(execFileSync("nproc", { encoding: "utf8" })))} cores; each binary then signed up once against a stub on 127.0.0.1.

| binary | clean build s | crates compiled | stripped bytes | build ÷ SDK | bytes ÷ SDK |
|---|---:|---:|---:|---:|---:|
${rows.join("\n")}

| target | limit | measured | |
|---|---:|---:|---|
${targets.map((t) => `| ${t.what} | 0.33 × the SDK's | ${t.value.toFixed(2)} × | ${t.met ? "met" : "**missed**"} |`).join("\n")}

The floor is the HTTP stack alone, with no checks, retries or SecretHash: ${fmt(floor.bytes)} B, ${(floor.bytes / sdk.bytes).toFixed(2)} × the
SDK's binary, so a third of the SDK leaves ${fmt(Math.max(0, Math.floor(sdk.bytes / 3) - floor.bytes))} B for everything cognito-signup adds to it
(${fmt(ours.bytes - floor.bytes)} B measured).
`;
  return { text, targets };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = (line) => process.stderr.write(`bench: ${line}\n`);
  const { text, targets } = report(await measureServerBinaries(log));
  const file = `${root}BENCHMARKS.md`;
  const before = readFileSync(file, "utf8");
  const at = before.indexOf(HEADING);
  writeFileSync(file, `${(at < 0 ? before : before.slice(0, at)).trimEnd()}\n\n${text}`);
  process.stdout.write(text);
  const missed = targets.filter((t) => !t.met);
  if (missed.length) {
    log(`target missed: ${missed.map((t) => t.what).join("; ")}`);
    process.exit(1);
  }
}
