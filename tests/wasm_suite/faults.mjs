// A fault server on 127.0.0.1 for the wasm suites and the native client
// tests, in front of moto: prints its URL, then answers by path. `/slow/…`
// never answers (for timeouts and cancellation); `/flaky/<id>` answers the
// first request for each id with an HTML 503 and forwards the later ones to
// moto (for retries); any other path is forwarded to moto. `GET /log` is its
// log: every request's path and body, in order, and whether the client
// closed the connection before an answer. Every answer allows CORS, as
// Cognito does, so that browsers can call it.
import { createServer } from "node:http";

const { MOTO_ENDPOINT } = process.env;
const seen = new Set();
const log = [];
const cors = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "content-type, x-amz-target",
  "Access-Control-Allow-Methods": "POST",
};

const server = createServer(async (request, response) => {
  if (request.method === "OPTIONS") return response.writeHead(204, cors).end();
  if (request.method === "GET" && request.url === "/log") {
    return response.writeHead(200, { ...cors, "Content-Type": "application/json" }).end(JSON.stringify(log));
  }
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const entry = { path: request.url, body: Buffer.concat(chunks).toString(), closed: false };
  log.push(entry);
  response.on("close", () => (entry.closed = !response.writableFinished));
  if (request.url.startsWith("/slow/")) return; // never answers
  if (request.url.startsWith("/flaky/") && !seen.has(request.url)) {
    seen.add(request.url);
    return response.writeHead(503, { ...cors, "Content-Type": "text/html" }).end("<h1>503 busy</h1>");
  }
  const answer = await fetch(`${MOTO_ENDPOINT}/`, {
    method: "POST",
    headers: { "Content-Type": request.headers["content-type"], "X-Amz-Target": request.headers["x-amz-target"] },
    body: Buffer.concat(chunks),
  });
  response.writeHead(answer.status, { ...cors, "Content-Type": answer.headers.get("content-type") });
  response.end(await answer.text());
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
