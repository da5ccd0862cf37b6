// What `aws cognito-idp describe-user-pool` and `describe-user-pool-client`
// print, asked of a local emulator (which needs no credentials): writes
// DIR/pool.json and DIR/client.json, for `npx cognito-signup config`.
// Usage: node scripts/describe-pool.mjs ENDPOINT POOL_ID CLIENT_ID DIR
import { writeFileSync } from "node:fs";

const [endpoint, UserPoolId, ClientId, dir] = process.argv.slice(2);

async function describe(operation, body) {
  const response = await fetch(`${endpoint}/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${operation}: HTTP ${response.status}: ${await response.text()}`);
  return JSON.stringify(await response.json(), null, 4) + "\n";
}

writeFileSync(`${dir}/pool.json`, await describe("DescribeUserPool", { UserPoolId }));
writeFileSync(`${dir}/client.json`, await describe("DescribeUserPoolClient", { UserPoolId, ClientId }));
