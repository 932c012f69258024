import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("The page has no #app element.");

const app = mount(App, { target });
document.getElementById("boot")?.remove();

export default app;
