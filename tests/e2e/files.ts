/**
 * Reading the files the dashboard downloads or prints, without extra dependencies: the header of a
 * PNG, and the text of a PDF as Chromium (Skia) writes it.
 */
import zlib from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  chunks: string[];
}

/** The PNG's signature, IHDR (width, height) and chunk list; throws when it is not a well-formed PNG. */
export function readPng(file: Buffer): PngInfo {
  if (file.length < 33 || !file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  const chunks: string[] = [];
  let offset = 8;
  while (offset + 12 <= file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > file.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    chunks.push(type);
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  if (chunks[0] !== 'IHDR') throw new Error('PNG does not start with IHDR');
  if (!chunks.includes('IDAT') || chunks.at(-1) !== 'IEND') throw new Error(`PNG chunks incomplete: ${chunks}`);
  return {
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
    bitDepth: file.readUInt8(24),
    colorType: file.readUInt8(25),
    chunks,
  };
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const head = /(\d+) 0 obj\b/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.search(/\bstream\r?\n/);
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    const dataStart = start + s + body.slice(s).match(/^stream\r?\n/)![0].length;
    const length = Number(dict.match(/\/Length (\d+)(?! \d+ R)/)?.[1] ?? Number.NaN);
    const raw = Number.isFinite(length)
      ? pdf.subarray(dataStart, dataStart + length)
      : pdf.subarray(dataStart, text.indexOf('endstream', dataStart));
    const stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
    objects.set(Number(m[1]), { dict, stream });
    head.lastIndex = end;
  }
  return objects;
}

/** A ToUnicode CMap: code (as hex) → text, and the code width in bytes. */
function parseCMap(source: string): { bytes: number; map: Map<string, string> } {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => {
    let out = '';
    for (let k = 0; k + 4 <= hex.length; k += 4) out += String.fromCharCode(Number.parseInt(hex.slice(k, k + 4), 16));
    return out;
  };
  const space = source.match(/begincodespacerange\s*<([0-9A-Fa-f]+)>/);
  const bytes = space ? space[1]!.length / 2 : 2;
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, dest] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(code!.toUpperCase(), utf16(dest!));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dest] of block[1]!.matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g,
    )) {
      const from = Number.parseInt(lo!, 16);
      const to = Number.parseInt(hi!, 16);
      const width = lo!.length;
      const list = dest!.startsWith('[') ? [...dest!.matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => x[1]!) : null;
      for (let c = from; c <= to; c++) {
        const key = c.toString(16).toUpperCase().padStart(width, '0');
        if (list) map.set(key, utf16(list[c - from] ?? ''));
        else {
          const base = dest!.slice(1, -1);
          const last = Number.parseInt(base.slice(-4), 16) + (c - from);
          map.set(key, utf16(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return { bytes, map };
}

/**
 * The pages of a PDF and the text shown on each (Tj/TJ operators decoded through the fonts'
 * ToUnicode maps), in content order, runs separated by a space.
 */
export function pdfText(pdf: Buffer): { pages: string[]; mediaBoxes: number[][] } {
  if (pdf.toString('latin1', 0, 5) !== '%PDF-') throw new Error('not a PDF');
  const objects = pdfObjects(pdf);
  const ref = (dict: string, key: string) => Number(dict.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1] ?? Number.NaN);
  const cmaps = new Map<number, ReturnType<typeof parseCMap>>();
  const cmapOf = (fontObject: number) => {
    if (!cmaps.has(fontObject)) {
      const font = objects.get(fontObject);
      const toUnicode = font ? objects.get(ref(font.dict, 'ToUnicode')) : undefined;
      cmaps.set(
        fontObject,
        toUnicode?.stream ? parseCMap(toUnicode.stream.toString('latin1')) : { bytes: 1, map: new Map() },
      );
    }
    return cmaps.get(fontObject)!;
  };
  // Pages in document order: walk the page tree from the catalog.
  const catalog = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const order: number[] = [];
  const walk = (n: number) => {
    const node = objects.get(n);
    if (!node) return;
    if (/\/Type \/Pages\b/.test(node.dict)) {
      for (const [, kid] of (node.dict.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '').matchAll(/(\d+) 0 R/g))
        walk(Number(kid));
    } else if (/\/Type \/Page\b/.test(node.dict)) order.push(n);
  };
  if (catalog) walk(ref(catalog.dict, 'Pages'));
  const pages: string[] = [];
  const mediaBoxes: number[][] = [];
  for (const n of order) {
    const page = objects.get(n)!;
    mediaBoxes.push((page.dict.match(/\/MediaBox \[([^\]]*)\]/)?.[1] ?? '').trim().split(/\s+/).map(Number));
    const fonts = new Map<string, number>();
    for (const [, name, obj] of (page.dict.match(/\/Font <<([^>]*)>>/)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g))
      fonts.set(name!, Number(obj));
    const contents = page.dict.match(/\/Contents (?:(\d+) 0 R|\[([^\]]*)\])/);
    const streams = contents?.[1] ? [contents[1]] : [...(contents?.[2] ?? '').matchAll(/(\d+) 0 R/g)].map((x) => x[1]);
    const source = streams.map((s) => objects.get(Number(s))?.stream?.toString('latin1') ?? '').join('\n');
    let cmap = { bytes: 1, map: new Map<string, string>() };
    const runs: string[] = [];
    const decodeHex = (hex: string) => {
      let out = '';
      const step = cmap.bytes * 2;
      for (let k = 0; k + step <= hex.length; k += step)
        out += cmap.map.get(hex.slice(k, k + step).toUpperCase()) ?? '';
      return out;
    };
    const decodeLiteral = (lit: string) => {
      const raw = lit.replace(/\\([nrtbf()\\]|\d{1,3})/g, (_, e: string) =>
        /\d/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : e.length === 1 && '()\\'.includes(e) ? e : ' ',
      );
      return decodeHex(Buffer.from(raw, 'latin1').toString('hex'));
    };
    const tokens =
      /\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\bET\b/g;
    let run = '';
    for (const t of source.matchAll(tokens)) {
      if (t[1] !== undefined) cmap = cmapOf(fonts.get(t[1]) ?? Number.NaN);
      else if (t[2] !== undefined) run += decodeHex(t[2].replace(/\s+/g, ''));
      else if (t[3] !== undefined) run += decodeLiteral(t[3]);
      else if (t[4] !== undefined) {
        for (const part of t[4].matchAll(/<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)/g))
          run += part[1] !== undefined ? decodeHex(part[1].replace(/\s+/g, '')) : decodeLiteral(part[2]!);
      } else {
        runs.push(run);
        run = '';
      }
    }
    pages.push(
      runs
        .join(' ')
        .normalize('NFKC')
        .replace(/[\s\u00a0]+/g, ' ')
        .trim(),
    );
  }
  return { pages, mediaBoxes };
}
