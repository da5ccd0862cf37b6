// How the benchmark bundles a page's JavaScript: esbuild, minified, for the browser.
import { build } from "esbuild";

/**
 * The package's sign-in loaders stay files of their own, as a bundler that
 * splits code keeps what a page imports only on demand: a sign-up page never
 * downloads them (esbuild without splitting would inline them).
 */
const signInApart = {
  name: "sign-in-apart",
  setup: (b) => b.onResolve({ filter: /^\.\/sign-in(-inline|-worker)?\.js$/ }, ({ path }) => ({ path, external: true })),
};

/** Bundles `entry` into `outfile`; `alias` and `define` as esbuild takes them. */
export function browserBundle(entry, outfile, { alias = {}, define = {} } = {}) {
  return build({ entryPoints: [entry], outfile, bundle: true, minify: true, format: "esm", platform: "browser", alias, define, plugins: [signInApart], logLevel: "error" });
}
