// A proxy on 127.0.0.1 in front of an emulator that records each POST (its
// operation and body) and can hold requests back, so an end-to-end test sees
// what reached the server, whichever browser engine sent it.
import { createServer } from "node:http";

/** Starts the proxy in front of `target`; `delayMs` may be set at any time to hold each POST back. */
export async function recorder(target) {
  const proxy = { posts: [], delayMs: 0 };
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    if (request.method === "POST") {
      const json = JSON.parse(body);
      proxy.posts.push({ operation: String(request.headers["x-amz-target"]).split(".").pop(), username: json.Username, body: json });
      if (proxy.delayMs) await new Promise((r) => setTimeout(r, proxy.delayMs));
    }
    const headers = { ...request.headers };
    for (const name of ["host", "connection", "content-length", "origin", "referer"]) delete headers[name];
    try {
      const answer = await fetch(target + request.url, { method: request.method, headers, body: request.method === "POST" ? body : undefined });
      const passed = [...answer.headers].filter(([name]) => !/^(content-(encoding|length)|transfer-encoding|connection)$/.test(name));
      response.writeHead(answer.status, Object.fromEntries(passed)).end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.endpoint = `http://127.0.0.1:${server.address().port}`;
  proxy.close = () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
  return proxy;
}
