// React 19 (Vite's React template): the element in JSX, its config as a
// property and its event as an `on…` prop; the app's own content in its
// before-submit slot, updated from state; and a button that unmounts it all.
import "cognito-signup/element";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { config } from "../config.js";

function App() {
  const [confirmed, setConfirmed] = useState("");
  const [clicks, setClicks] = useState(0);
  const [shown, setShown] = useState(true);
  return (
    <>
      {shown && (
        <cognito-sign-up config={config} onsignup-confirmed={(event) => setConfirmed(event.detail.username)}>
          <div slot="before-submit" id="host-slot">
            <input type="checkbox" name="newsletter" id="news" />
            <label htmlFor="news">Send me the newsletter</label>
            <button type="button" id="more" onClick={() => setClicks(clicks + 1)}>
              Clicked <output id="clicks">{clicks}</output>
            </button>
          </div>
        </cognito-sign-up>
      )}
      <p id="confirmed">{confirmed}</p>
      <button type="button" id="unmount" onClick={() => setShown(false)}>Remove the form</button>
    </>
  );
}

createRoot(document.getElementById("app")).render(<App />);
