// Runs before the main script has even loaded: asks the shell for the start-up snapshot at
// once, so the round trip overlaps with loading and running the app's code.
(function () {
  var internals = window.__TAURI_INTERNALS__;
  if (!internals || typeof internals.invoke !== "function") return;
  var pending = internals.invoke("startup_snapshot");
  // The app takes this promise (and handles its failure); this only keeps an early failure
  // from being reported as unhandled before it does.
  pending.catch(function () {});
  window.__pbStartup = pending;
})();
