"use client";
// A client component: Next renders it on the server too (through the package's
// server entry), then the browser runs the three steps (through its browser entry).
import { useEffect, useState } from "react";
import * as lib from "cognito-signup";
import { threeSteps, failure } from "../steps.mjs";

export default function Page() {
  const [result, setResult] = useState("running");
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    const where = { endpoint: query.get("endpoint"), clientId: query.get("client"), username: query.get("username") };
    threeSteps(lib, where).then((out) => setResult(JSON.stringify(out)), (error) => setResult(failure(error)));
  }, []);
  return <pre id="result">{result}</pre>;
}
