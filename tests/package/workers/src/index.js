// A Cloudflare Worker: the three steps on each request, answered as JSON,
// with whether renderSignUp writes the form here.
import * as lib from "cognito-signup";
import { renderSignUp } from "cognito-signup/element/html";
import { threeSteps, failure, writes } from "../steps.mjs";

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    const where = { endpoint: query.get("endpoint"), clientId: query.get("client"), username: query.get("username") };
    return threeSteps(lib, where).then(
      async (out) => Response.json({ ...out, written: await writes(renderSignUp) }),
      (error) => new Response(failure(error), { status: 500 }),
    );
  },
};
