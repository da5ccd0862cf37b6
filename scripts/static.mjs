// A static file server on 127.0.0.1 for tests and benchmarks, with the MIME
// types a module page needs (.wasm as application/wasm).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

/** The Content-Type of each file extension served. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/**
 * Serves `root` with `headers` and the Content-Types `types`; resolves to
 * `{ url, requests, close }` once listening. `refuse(path)` may name an HTTP
 * status to answer instead of the file; `requests` lists the paths asked for.
 */
export async function serveStatic(root, headers = {}, types = TYPES, refuse = () => 0) {
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    requests.push(path);
    const status = refuse(path);
    if (status) return response.writeHead(status, { "Content-Type": "text/plain" }).end("refused\n");
    try {
      if (path.includes("..")) throw new Error("outside the root");
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", ...headers });
      response.end(body);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    requests,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}
