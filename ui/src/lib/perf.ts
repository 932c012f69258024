// Named timings in the performance timeline, so the typing-latency benchmark can say where a
// keystroke's time goes. Cheap enough to leave on: one measure entry per call.

const MAX_ENTRIES = 2000;
let count = 0;

export function timed<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    if (count++ > MAX_ENTRIES) {
      performance.clearMeasures();
      count = 0;
    }
    performance.measure(name, { start, end: performance.now() });
  }
}
