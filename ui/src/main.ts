import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element.");

// Start-up marks in the performance timeline (read by the start-up probe).
performance.mark("pb-script");
const app = mount(App, { target });
performance.mark("pb-mounted");
document.getElementById("boot")?.remove();

export default app;
