// The training kit's review dialogs, as one chunk the dialog host loads on first use.
export { default as DecideKitDialog } from "./DecideKitDialog.svelte";
export { default as SubmitKitDialog } from "./SubmitKitDialog.svelte";
