// How the benchmark bundles a page's JavaScript: esbuild, minified, for the browser.
import { build } from "esbuild";

/** Bundles `entry` into `outfile`; `alias` and `define` as esbuild takes them. */
export function browserBundle(entry, outfile, { alias = {}, define = {} } = {}) {
  return build({ entryPoints: [entry], outfile, bundle: true, minify: true, format: "esm", platform: "browser", alias, define, logLevel: "error" });
}
