// React 19 (Vite's React template): the element in JSX, its config as a
// property and its event as an `on…` prop.
import "cognito-signup/element";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { config } from "../config.js";

function App() {
  const [confirmed, setConfirmed] = useState("");
  return (
    <>
      <cognito-sign-up config={config} onsignup-confirmed={(event) => setConfirmed(event.detail.username)} />
      <p id="confirmed">{confirmed}</p>
    </>
  );
}

createRoot(document.getElementById("app")).render(<App />);
