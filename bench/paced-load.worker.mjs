// Open-loop load at an even arrival rate, run in a worker thread so that it does not share
// the service's event loop. autocannon's overallRate releases each second's requests
// together, and those bursts, not the service, would set the tail latency.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, bodies, rate, seconds } = workerData;
const total = Math.round(rate * seconds);
const latencies = [];
let failed = 0;
const started = performance.now();
const inFlight = [];
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
  // Measured from when the request was due, so a late send counts against the latency.
  inFlight.push(
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status >= 200 && response.status < 300) latencies.push(performance.now() - due);
        else failed += 1;
      })
      .catch(() => {
        failed += 1;
      }),
  );
}
await Promise.all(inFlight);
parentPort.postMessage({ latencies, failed, elapsedSeconds: (performance.now() - started) / 1000 });
