// A route handler: the three steps on each GET, answered as JSON.
import * as lib from "cognito-signup";
import { threeSteps } from "../../../steps.mjs";

export const dynamic = "force-dynamic";

export async function GET(request) {
  const query = new URL(request.url).searchParams;
  const out = await threeSteps(lib, { endpoint: query.get("endpoint"), clientId: query.get("client"), username: query.get("username") });
  return Response.json(out);
}
