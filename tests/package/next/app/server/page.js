// A server component: the three steps run while the page renders, on every request.
import * as lib from "cognito-signup";
import { threeSteps } from "../../steps.mjs";

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }) {
  const { endpoint, client, username } = await searchParams;
  const out = await threeSteps(lib, { endpoint, clientId: client, username });
  return <pre id="result">{JSON.stringify(out)}</pre>;
}
