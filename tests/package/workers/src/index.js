// A Cloudflare Worker: the three steps on each request, answered as JSON.
import * as lib from "cognito-signup";
import { threeSteps, failure } from "../steps.mjs";

export default {
  async fetch(request) {
    const query = new URL(request.url).searchParams;
    const where = { endpoint: query.get("endpoint"), clientId: query.get("client"), username: query.get("username") };
    return threeSteps(lib, where).then((out) => Response.json(out), (error) => new Response(failure(error), { status: 500 }));
  },
};
