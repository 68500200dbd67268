/**
 * Turns a bundle file's bytes into text, chunk by chunk. Files must be UTF-8; a file saved in
 * another encoding (Windows-1252 from Excel is the usual culprit) is not dropped as a whole: only
 * the records on the lines holding invalid bytes are rejected, so one mis-typed name does not cost
 * a thousand rows.
 */

export interface DecodedText {
  /** The text with line breaks normalised to \n (CRLF and lone CR count as one break each). */
  readonly text: string;
  /** 1-based line numbers that hold invalid UTF-8 bytes (decoded there as U+FFFD), ascending. */
  readonly badLines: readonly number[];
}

const LF = 0x0a;
const CR = 0x0d;

/** A chunk with no line break is decoded anyway once it is this long (cut at a character boundary). */
const MAX_CARRY = 8 * 1024 * 1024;

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

function countBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Decodes a byte stream as UTF-8, a piece of whole lines at a time: each piece is cut after its last
 * line break (UTF-8 never uses the bytes of CR or LF inside a multi-byte character, so a cut there
 * never splits one, and a CRLF is never split between pieces). Memory is one piece, whatever the
 * file's size. Lines with invalid bytes are collected in `badLines` before their text is returned.
 */
export class LineDecoder {
  /** 1-based lines with invalid UTF-8, ascending; the reader removes those it has passed. */
  readonly badLines: number[] = [];
  /** Line breaks returned so far (so the next piece starts on line `breaks + 1`). */
  breaks = 0;
  private carry: Uint8Array = new Uint8Array(0);
  // ignoreBOM: a BOM is kept here and dropped by csv-parse at the very start of the file only.
  private readonly strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly lenient = new TextDecoder('utf-8', { ignoreBOM: true });

  /** The text of the whole lines now complete (may be ''). */
  push(chunk: Uint8Array): string {
    const bytes = this.carry.length ? concat(this.carry, chunk) : chunk;
    let cut = bytes.lastIndexOf(LF) + 1;
    if (cut === 0) {
      const cr = bytes.lastIndexOf(CR);
      // A CR as the last byte may be the first half of a CRLF: wait for the next byte.
      if (cr >= 0 && cr < bytes.length - 1) cut = cr + 1;
    }
    if (cut === 0 && bytes.length > MAX_CARRY) {
      cut = bytes.length;
      while (cut > 0 && ((bytes[cut - 1] as number) & 0xc0) === 0x80) cut--; // not inside a character
      if (cut > 0 && (bytes[cut - 1] as number) >= 0xc0) cut--;
      if (bytes[cut - 1] === CR) cut--;
    }
    this.carry = bytes.slice(cut);
    return this.decode(bytes.subarray(0, cut));
  }

  /** The rest, at the end of the file. */
  end(): string {
    const rest = this.carry;
    this.carry = new Uint8Array(0);
    return this.decode(rest);
  }

  private decode(bytes: Uint8Array): string {
    if (bytes.length === 0) return '';
    let text: string;
    try {
      // fatal: a wrong encoding must be reported, not silently turned into U+FFFD.
      text = this.strict.decode(bytes);
    } catch {
      // Slow path, only for broken pieces: find the offending lines, keep the rest.
      lineRanges(bytes).forEach(([start, end], index) => {
        try {
          this.strict.decode(bytes.subarray(start, end));
        } catch {
          this.badLines.push(this.breaks + index + 1);
        }
      });
      text = this.lenient.decode(bytes);
    }
    const normal = normalizeLineBreaks(text);
    this.breaks += countBreaks(normal);
    return normal;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** A whole file at once (the streaming decoder fed one chunk). */
export function decodeBundleFile(content: string | Uint8Array): DecodedText {
  if (typeof content === 'string') return { text: normalizeLineBreaks(content), badLines: [] };
  const decoder = new LineDecoder();
  const text = decoder.push(content) + decoder.end();
  // The whole-file form drops a leading BOM itself (csv-parse does it for streamed files).
  return { text: text.replace(/^\uFEFF/, ''), badLines: decoder.badLines };
}
