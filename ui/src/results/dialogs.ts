// The results screen's dialogs, as one chunk the dialog host loads on first use.
export { default as AttestDialog } from "./AttestDialog.svelte";
export { default as DealImportDialog } from "./DealImportDialog.svelte";
export { default as ScopeDialog } from "./ScopeDialog.svelte";
