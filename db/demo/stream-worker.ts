import { parentPort, workerData } from 'node:worker_threads';
import { type DemoStreamOptions, type LoaderMessage, produce } from './stream.ts';

// The demo stream's worker thread (stream.ts): makes the plan and the chunks' literals, posting
// them to the loader as it takes them.
if (!parentPort) throw new Error('stream-worker.ts runs as a worker thread (stream.ts openDemoStream)');
const port = parentPort;
const inbox: LoaderMessage[] = [];
let waiting: ((message: LoaderMessage) => void) | null = null;
port.on('message', (message: LoaderMessage) => {
  if (waiting) {
    const resolve = waiting;
    waiting = null;
    resolve(message);
  } else inbox.push(message);
});
const next = () => {
  const message = inbox.shift();
  return message ? Promise.resolve(message) : new Promise<LoaderMessage>((resolve) => (waiting = resolve));
};
await produce(workerData as DemoStreamOptions, (message) => port.postMessage(message), next);
port.close();
