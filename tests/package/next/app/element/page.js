"use client";
// <cognito-sign-up> in a client component: Next renders it on the server too,
// where importing the element does nothing, then the browser defines it. Its
// config is set once the query is read, and its event handled as an on… prop.
import "cognito-signup/element";
import { useEffect, useState } from "react";

export default function Page() {
  const [config, setConfig] = useState(null);
  const [confirmed, setConfirmed] = useState("");
  useEffect(() => {
    const query = new URLSearchParams(location.search);
    setConfig({ clientId: query.get("client"), endpoint: query.get("endpoint"), attributes: ["email"] });
  }, []);
  return (
    <>
      {config && <cognito-sign-up config={config} onsignup-confirmed={(event) => setConfirmed(event.detail.username)} />}
      <p id="confirmed">{confirmed}</p>
    </>
  );
}
