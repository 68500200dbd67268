import { describe, expect, it } from 'vitest';
import { demoChecksum, planDemo } from '../demo/generate.ts';
import { openDemoStream } from '../demo/stream.ts';
import { DEMO_TABLES, type DemoTable, ID_TABLES, type IdSpace } from '../demo/tables.ts';

/*
 * The demo's rows made on a worker thread (demo/stream.ts) are the rows made on one thread: the
 * same checksum over the same literals, chunk by chunk, and the plan's row counts.
 */
const NO_OFFSETS = Object.fromEntries(ID_TABLES.map((t) => [t, 0])) as Record<IdSpace, number>;

describe('the demo stream (worker thread)', () => {
  it('makes, chunk by chunk, the literals demoChecksum makes on one thread, after the plan’s counts', async () => {
    const options = { seed: 5, scale: 1, fraction: 0.1 };
    const stream = await openDemoStream(options);
    try {
      expect(stream.counts).toEqual(planDemo(5, 1, { fraction: 0.1 }).counts);
      const rows = Object.fromEntries(DEMO_TABLES.map((t) => [t, 0])) as Record<DemoTable, number>;
      const order: DemoTable[] = [];
      for await (const chunk of stream.chunks(NO_OFFSETS)) {
        rows[chunk.table] += chunk.rows;
        if (order.at(-1) !== chunk.table) order.push(chunk.table);
        // One array literal per column of the table, each holding the chunk's rows.
        expect(chunk.literals.length).toBeGreaterThan(1);
      }
      const reference = demoChecksum(5, 1, { fraction: 0.1 });
      expect(stream.checksum()).toBe(reference.checksum);
      expect(rows).toEqual(reference.counts);
      expect(order).toEqual(DEMO_TABLES.filter((t) => reference.counts[t] > 0));
    } finally {
      await stream.close();
    }
  });

  it('knows its checksum only once every chunk was taken', async () => {
    const stream = await openDemoStream({ seed: 5, scale: 1, fraction: 0.1 });
    try {
      expect(() => stream.checksum()).toThrow(/once every chunk was taken/);
      const chunks = stream.chunks(NO_OFFSETS);
      await chunks.next();
      expect(() => stream.checksum()).toThrow(/once every chunk was taken/);
    } finally {
      await stream.close();
    }
  });

  it("answers the worker's own error when the plan cannot be made", async () => {
    await expect(openDemoStream({ seed: 5, scale: 1, fraction: 2 })).rejects.toThrow(/fraction must be in \(0, 1\]/);
  });
});
