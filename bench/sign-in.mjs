// Sign-in after sign-up, on the phone profile (first-call.mjs's PROFILES),
// side by side in one run:
// - SRP's client work: this package's signIn (the sign-in module) and
//   amazon-cognito-identity-js's authenticateUser, each in a page of its
//   own with the CPU slowed 4 times, against Cognito answered in the page at
//   once (sign-in/srp.mjs): what a person waits for with nothing on screen;
// - the element's confirm tap → signup-signed-in, SRP included, against a
//   stub Cognito on 127.0.0.1 under the profile's network, after the person
//   has read their email for 2 s (while the element loads sign-in);
// - what a page downloads after its SignUp for it (gzip).
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { launchChromium } from "../scripts/chromium.mjs";
import { startVerifier, USER } from "../tests/srp/verifier.mjs";
import { browserBundle } from "./bundle.mjs";
import { PROFILES, quartiles, servePages } from "./first-call.mjs";

const here = new URL(".", import.meta.url).pathname;
const root = new URL("..", import.meta.url).pathname;
const LIBRARIES = { "cognito-signup": `${here}sign-in/ours.mjs`, "identity-js": `${here}sign-in/identity-js.mjs` };
const RUNS = 5;
const READ_MS = 2000;

/** One PASSWORD_VERIFIER answer, as the SRP verifier gives it for the user's A. */
async function passwordVerifier() {
  const verifier = await startVerifier();
  try {
    const body = JSON.stringify({ AuthFlow: "USER_SRP_AUTH", ClientId: USER.clientId, AuthParameters: { USERNAME: USER.username, SRP_A: "02" } });
    const headers = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSCognitoIdentityProviderService.InitiateAuth" };
    return await (await fetch(verifier.url, { method: "POST", headers, body })).text();
  } finally {
    verifier.close();
  }
}

/** A stub Cognito on 127.0.0.1 for the element: SignUp, ConfirmSignUp, then SRP's two calls. */
async function stubCognito(challenge) {
  const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "x-amzn-requestid" };
  const answers = {
    SignUp: () => ({ UserConfirmed: false, UserSub: crypto.randomUUID(), CodeDeliveryDetails: { AttributeName: "email", DeliveryMedium: "EMAIL", Destination: "a***@e***" } }),
    ConfirmSignUp: () => ({}),
    InitiateAuth: () => JSON.parse(challenge),
    RespondToAuthChallenge: () => ({ AuthenticationResult: { AccessToken: "a", IdToken: "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2ln", RefreshToken: "r", ExpiresIn: 3600, TokenType: "Bearer" }, ChallengeParameters: {} }),
  };
  const server = createServer((request, response) => {
    if (request.method === "OPTIONS") {
      return response.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": request.headers["access-control-request-headers"] ?? "*" }).end();
    }
    request.resume().on("end", () => {
      const operation = String(request.headers["x-amz-target"]).split(".").pop();
      response.writeHead(200, { ...cors, "Content-Type": "application/x-amz-json-1.1", "x-amzn-requestid": crypto.randomUUID() });
      response.end(JSON.stringify(answers[operation]()));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(r))) };
}

/** Builds the pages into `dist`: one SRP page per library, and the element's page with the package beside it. */
async function buildPages(dist) {
  mkdirSync(dist, { recursive: true });
  for (const [id, library] of Object.entries(LIBRARIES)) {
    await browserBundle(`${here}sign-in/srp.mjs`, `${dist}/${id}.js`, { alias: { library, "cognito-signup": `${root}pkg/index.js` }, define: { global: "globalThis" } });
    writeFileSync(`${dist}/${id}.html`, `<!doctype html><meta charset="utf-8"><title>SRP</title><script type="module" src="${id}.js"></script>`);
  }
  // The sign-in module and its loader, which index.js imports on the first signIn.
  for (const file of ["sign-in.js", "cognito_signup_signin_bg.wasm"]) copyFileSync(`${root}pkg/${file}`, `${dist}/${file}`);
  // The element's page: the package as it ships, beside the page (element.js imports ./index.js, which loads ./sign-in.js).
  for (const file of ["element.js", "index.js", "cognito_signup_bg.wasm"]) copyFileSync(`${root}pkg/${file}`, `${dist}/${file}`);
  cpSync(`${root}pkg/element`, `${dist}/element`, { recursive: true });
  await browserBundle(`${here}sign-in/element-drive.mjs`, `${dist}/element-drive.js`, { alias: {} });
  copyFileSync(`${here}sign-in/element.html`, `${dist}/element.html`);
}

/** Opens `url` in a fresh context under the phone profile (its network too, where `network`); resolves to what the page reports in `field`. */
async function phoneRun(browser, url, field, network) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send("Emulation.setCPUThrottlingRate", PROFILES.mobile.cpu);
    if (network) await cdp.send("Network.emulateNetworkConditions", PROFILES.mobile.network);
    const done = tab.waitForEvent("console", { predicate: (message) => message.text() === "done", timeout: 120_000 });
    await tab.goto(url, { waitUntil: "commit" });
    await done;
    const value = await tab.evaluate((f) => window[f], field);
    if (value.error) throw new Error(`${url}: ${value.error}`);
    return value;
  } finally {
    await context.close();
  }
}

/** `{ srp: { id: quartiles (ms) }, confirmToSignedIn: quartiles (ms) }` over `rounds` interleaved rounds. */
export async function measureSignIn(dist, rounds, log) {
  const challenge = await passwordVerifier();
  await buildPages(`${dist}`);
  const pages = await servePages(dist);
  const stub = await stubCognito(challenge);
  const browser = await launchChromium();
  const srp = { "cognito-signup": [], "identity-js": [] };
  const confirm = [];
  try {
    for (let round = 0; round < rounds; round++) {
      log(`sign-in: round ${round + 1} of ${rounds}`);
      const ids = round % 2 ? Object.keys(LIBRARIES).reverse() : Object.keys(LIBRARIES);
      for (const id of ids) srp[id].push(...(await phoneRun(browser, `${pages.url}${id}.html?runs=${RUNS}&challenge=${encodeURIComponent(challenge)}`, "times")));
      const url = `${pages.url}element.html?endpoint=${encodeURIComponent(stub.url)}&read=${READ_MS}&run=${round}`;
      confirm.push((await phoneRun(browser, url, "timing", true)).confirmToSignedIn);
    }
  } finally {
    await browser.close();
    await pages.close();
    await stub.close();
  }
  return { srp: Object.fromEntries(Object.entries(srp).map(([id, times]) => [id, quartiles(times)])), confirmToSignedIn: quartiles(confirm) };
}
