import { once } from 'node:events';
import yazl from 'yazl';

/** A zip archive of the given files, in memory (tests only). */
export async function zipOf(files: ReadonlyArray<{ name: string; content: string | Uint8Array }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(Buffer.from(f.content), f.name);
  zip.end();
  const chunks: Buffer[] = [];
  zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
  await once(zip.outputStream, 'end');
  return Buffer.concat(chunks);
}

/**
 * A zip whose entry `placeholder` is renamed to `name` after the fact (same length), so a test can
 * hold paths yazl rightly refuses to write, such as ../evil.csv.
 */
export async function zipWithRawName(
  files: ReadonlyArray<{ name: string; content: string }>,
  placeholder: string,
  name: string,
): Promise<Buffer> {
  if (placeholder.length !== name.length) throw new Error('same length only');
  const zip = await zipOf(files);
  return Buffer.from(zip.toString('latin1').split(placeholder).join(name), 'latin1');
}
