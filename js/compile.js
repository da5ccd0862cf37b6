// Compiling a wasm module from where an entry says it is, for the sign-up
// module (js/load.js) and the sign-in module (js/sign-in-calls.js) alike.

/**
 * The module from `source`: a `WebAssembly.Module`, its bytes, or a
 * `Response`, URL or string to fetch it from. Compiled off the main thread,
 * so that `initSync` only instantiates it (wasm-bindgen's own async loader
 * would ship half a kilobyte more). Nothing is awaited before the fetch: it
 * must start now, not after the rest of the caller's task (the element
 * renders its form right after).
 */
export async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source.byteLength >= 0) return WebAssembly.compile(source); // an ArrayBuffer or a view of one
  if (!(source instanceof Response)) source = await fetch(source);
  if (!source.ok) throw new Error(`${source.url}: HTTP ${source.status}; use "cognito-signup/inline" or init(url)`);
  try {
    return await WebAssembly.compileStreaming(source);
  } catch (error) {
    // Streaming needs the type application/wasm, which not every server
    // sends, and refuses the body unread; any other error has read it.
    if (source.bodyUsed) throw error;
    return WebAssembly.compile(await source.arrayBuffer());
  }
}
