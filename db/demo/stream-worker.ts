import { on } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { type DemoStreamOptions, type LoaderMessage, produce } from './stream.ts';

// The demo stream's worker thread (stream.ts): makes the plan and the chunks' literals, posting
// them to the loader as it takes them.
if (!parentPort) throw new Error('stream-worker.ts runs as a worker thread (stream.ts openDemoStream)');
const port = parentPort;
const messages = on(port, 'message') as AsyncIterator<[LoaderMessage]>;
const next = async () => (await messages.next()).value[0] as LoaderMessage;
await produce(workerData as DemoStreamOptions, (message) => port.postMessage(message), next);
port.close();
