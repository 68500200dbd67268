/**
 * Turns a bundle file's bytes into text. Files must be UTF-8; a file saved in another encoding
 * (Windows-1252 from Excel is the usual culprit) is not dropped as a whole: only the records on the
 * lines holding invalid bytes are rejected, so one mis-typed name does not cost a thousand rows.
 */

export interface DecodedText {
  /** The text with line breaks normalised to \n (CRLF and lone CR count as one break each). */
  readonly text: string;
  /** 1-based line numbers that hold invalid UTF-8 bytes (decoded there as U+FFFD), ascending. */
  readonly badLines: readonly number[];
}

const LF = 0x0a;
const CR = 0x0d;

/** Line breaks counted the same way as normalizeLineBreaks, so byte lines and text lines agree. */
function lineRanges(bytes: Uint8Array): Array<[start: number, end: number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || b === CR) {
      ranges.push([start, i]);
      if (b === CR && bytes[i + 1] === LF) i++;
      start = i + 1;
    }
  }
  ranges.push([start, bytes.length]);
  return ranges;
}

/** CRLF and lone CR become LF: csv-parse then counts lines as a text editor does. */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export function decodeBundleFile(content: string | Uint8Array): DecodedText {
  if (typeof content === 'string') return { text: normalizeLineBreaks(content), badLines: [] };
  try {
    // fatal: a wrong encoding must be reported, not silently turned into U+FFFD.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    return { text: normalizeLineBreaks(text), badLines: [] };
  } catch {
    // Slow path, only for broken files: find the offending lines, keep the rest. UTF-8 never
    // uses the bytes of CR or LF inside a multi-byte sequence, so splitting bytes on them is safe.
    const strict = new TextDecoder('utf-8', { fatal: true });
    const badLines: number[] = [];
    lineRanges(content).forEach(([start, end], index) => {
      try {
        strict.decode(content.subarray(start, end));
      } catch {
        badLines.push(index + 1);
      }
    });
    const text = new TextDecoder('utf-8').decode(content);
    return { text: normalizeLineBreaks(text), badLines };
  }
}
