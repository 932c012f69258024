// Says when the page has been painted, the way Pitchbridge does: the frame after the one that
// painted it, and when that one started.
requestAnimationFrame((firstFrame) =>
  requestAnimationFrame((painted) => window.__TAURI__.core.invoke("ready", { firstFrameMsAgo: painted - firstFrame })),
);
