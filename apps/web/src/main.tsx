// First: asks for the session and the screen's code and data before the rest is evaluated.
import "./app/warm-up";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { i18nReady } from "./lib/i18n";
import "antd/dist/antd.css";
import "./styles.css";
import { App } from "./app";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// In the saved language from the first paint (English is a chunk of its own).
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
