// The shared stylesheets, in this order (each component's own styles come after them).
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/controls.css";
import "./styles/chips.css";
import "./styles/pieces.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { settleLanguage } from "./lib/locale";

settleLanguage();

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element.");

// Start-up marks in the performance timeline (read by the start-up probe).
performance.mark("pb-script");
const app = mount(App, { target });
performance.mark("pb-mounted");
document.getElementById("boot")?.remove();

export default app;
