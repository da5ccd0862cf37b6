// `make release-check`: whether the crate and the npm package (pkg/, built by
// scripts/pkg.sh) are ready to publish. It checks that both carry the same
// version and license, that CHANGELOG.md has an entry for that version, that
// `cargo package` builds and verifies the crate and its docs build for
// wasm32 as docs.rs builds them, that `npm publish --dry-run` accepts the
// package, and that the tarball holds exactly what its exports need. Prints
// each problem in plain words and exits 1 if there is any. Contacts nothing
// but 127.0.0.1 (crates must already be fetched: `cargo fetch`).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const root = new URL("..", import.meta.url).pathname;

/** Every file path an `exports` map (or `main`/`types`) points at, without "./". */
function targets(value, found = []) {
  if (typeof value === "string") found.push(value.replace(/^\.\//, ""));
  else if (value && typeof value === "object") for (const inner of Object.values(value)) targets(inner, found);
  return found;
}

/**
 * What is wrong with a tarball of `files` (paths inside the package) for the
 * package.json `pkg`: each file the exports, `main`, `types` or `bin` name that is
 * missing, each export pattern (`./element/*`) that matches nothing, each
 * file that nothing needs, and a missing README, license or changelog. What a
 * needed file loads by a relative path (`imports(file)`: a module loaded on
 * demand, a `.wasm` beside it) is needed too.
 */
export function tarballProblems(files, pkg, imports = () => []) {
  const problems = [];
  const held = new Set(files);
  const needed = new Set(["package.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]);
  const patterns = [];
  for (const target of [...targets(pkg.exports), ...targets(pkg.main), ...targets(pkg.types), ...targets(pkg.bin)]) {
    if (!target.includes("*")) {
      needed.add(target);
      continue;
    }
    const [before, after] = target.split("*");
    const pattern = (file) => file.startsWith(before) && file.endsWith(after) && !file.slice(before.length, -after.length || undefined).includes("/");
    patterns.push(pattern);
    if (!files.some(pattern)) problems.push(`the export pattern ./${target} matches no file in the tarball`);
  }
  for (const file of needed) {
    if (!held.has(file)) problems.push(`package.json names ${file}, but the tarball lacks it: add it to "files"`);
  }
  const loads = [...needed, ...files.filter((file) => patterns.some((pattern) => pattern(file)))];
  for (const file of loads) {
    for (const path of imports(file)) {
      const target = new URL(path, `file:///${file}`).pathname.slice(1);
      if (needed.has(target)) continue;
      needed.add(target);
      loads.push(target);
      if (!held.has(target)) problems.push(`${file} loads ${target}, but the tarball lacks it: add it to "files"`);
    }
  }
  for (const file of files) {
    if (!needed.has(file) && !patterns.some((pattern) => pattern(file))) {
      problems.push(`the tarball holds ${file}, which no export needs: leave it out of "files"`);
    }
  }
  return problems;
}

/** The relative paths each JS file of the package in `dir` loads: imports, dynamic imports, `new URL(…, import.meta.url)`. */
export const importsIn = (dir) => (file) => {
  if (!file.endsWith(".js") || !existsSync(`${dir}/${file}`)) return [];
  const code = readFileSync(`${dir}/${file}`, "utf8");
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bnew URL\(\s*)"(\.\.?\/[^"]+)"/g)].map((m) => m[1]);
};

/** Runs a command in `cwd`; its output, or a problem naming it. */
function run(problems, what, cwd, command, args, env = {}) {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  } catch (error) {
    problems.push(`${what} failed:\n${String(error.stderr || error.stdout || error.message).trim()}`);
    return "";
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = [];
  const cargo = readFileSync(`${root}Cargo.toml`, "utf8");
  const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]*)"`, "m"))?.[1];
  const version = field("version");
  if (!existsSync(`${root}pkg/package.json`)) {
    console.error("release-check: pkg/ is missing: run make pkg first");
    process.exit(1);
  }
  const pkg = JSON.parse(readFileSync(`${root}pkg/package.json`, "utf8"));
  if (pkg.version !== version) problems.push(`the npm package is ${pkg.version} and the crate ${version}: they must carry the same version`);
  if (pkg.license !== field("license")) problems.push(`the npm package's license is ${pkg.license} and the crate's ${field("license")}`);
  for (const file of ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]) {
    if (!existsSync(`${root}${file}`)) problems.push(`${file} is missing`);
  }
  const changelog = existsSync(`${root}CHANGELOG.md`) ? readFileSync(`${root}CHANGELOG.md`, "utf8") : "";
  if (!changelog.includes(`\n## [${version}]`)) problems.push(`CHANGELOG.md has no entry "## [${version}]" for this version`);
  if (/^publish = false/m.test(cargo)) problems.push("Cargo.toml says publish = false");

  const dryRun = JSON.parse(run(problems, "npm pack --dry-run", `${root}pkg`, "npm", ["pack", "--dry-run", "--json", "--loglevel=error"]) || "[{}]");
  const files = (dryRun[0].files ?? []).map((file) => file.path);
  problems.push(...tarballProblems(files, pkg, importsIn(`${root}pkg`)));
  // Offline, and the registry a closed loopback port: the dry run reaches nothing.
  run(problems, "npm publish --dry-run", `${root}pkg`, "npm", ["publish", "--dry-run", "--offline", "--loglevel=error", "--registry=http://127.0.0.1:9/"]);
  run(problems, "cargo package (build and verify the crate)", root, "cargo", ["package", "--locked", "--offline", "--allow-dirty", "--quiet"]);
  const packaged = run(problems, "cargo package --list", root, "cargo", ["package", "--list", "--allow-dirty", "--offline"]).split("\n");
  for (const left of ["www/", "tests/", "bench/", "examples/", "fuzz/", "scripts/"]) {
    if (packaged.some((file) => file.startsWith(left))) problems.push(`the crate holds ${left}, which its include list should leave out`);
  }
  run(problems, "the docs as docs.rs builds them (wasm32, default features)", root, "cargo", ["doc", "--no-deps", "--quiet", "--target", "wasm32-unknown-unknown"], {
    RUSTDOCFLAGS: "-D warnings --cfg docsrs",
  });

  if (problems.length) {
    console.error(`release-check: ${problems.length} problem${problems.length > 1 ? "s" : ""}:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  const crate = `target/package/cognito-signup-${version}.crate`;
  console.error(`release-check: cognito-signup ${version} is ready: the npm package (${files.length} files) and ${crate} (${packaged.filter(Boolean).length} files), changelog entry, licenses`);
}
