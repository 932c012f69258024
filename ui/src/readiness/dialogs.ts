// The readiness dialogs, as one chunk the dialog host loads on first use.
export { default as ReadinessSettingsDialog } from "./ReadinessSettingsDialog.svelte";
export { default as ReverifyDialog } from "./ReverifyDialog.svelte";
export { default as TargetsDialog } from "./TargetsDialog.svelte";
export { default as VerificationDialog } from "./VerificationDialog.svelte";
