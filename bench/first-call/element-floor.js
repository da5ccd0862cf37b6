// The least any element configured by a URL must do before its form is
// ready, put in place of pkg/element.js on the element page (www/ as it
// ships): fetch the config, draw a labelled input for the username, each
// configured attribute and the password, start the wasm as the element
// does, and sign up with the library on submit. No styles, no words but the
// field names, no checks, no languages: the floor for <cognito-sign-up>'s
// form ready on that page.
import { init, signUp } from "./index.js";

customElements.define(
  "cognito-sign-up",
  class extends HTMLElement {
    async connectedCallback() {
      const config = await (await fetch(this.getAttribute("config"))).json();
      const form = document.createElement("form");
      for (const name of ["username", ...config.attributes.map((a) => a.name), "password"]) {
        const label = document.createElement("label");
        const input = document.createElement("input");
        input.name = name;
        label.append(name, input);
        form.append(label);
      }
      form.append(Object.assign(document.createElement("button"), { textContent: "Sign up" }));
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const value = (name) => form.elements[name].value;
        const attributes = config.attributes.map((a) => ({ Name: a.name, Value: value(a.name) }));
        await signUp({ ClientId: config.clientId, Username: value("username"), Password: value("password"), UserAttributes: attributes }, { endpoint: config.endpoint });
        this.setAttribute("step", "confirm");
      });
      this.replaceChildren(form);
      this.setAttribute("step", "signup");
      init();
    }
  },
);
