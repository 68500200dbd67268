import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportSource } from '../../import/sources/index.ts';
import { zipOf, zipWithRawName } from './zip-helpers.ts';

const PARTIES = 'ref,kind,name\nVE-1,VENDOR,CV Satu\n';

/** The code of the error reading `file` throws, and its message. */
async function failure(file: string, name?: string): Promise<{ code: string; message: string }> {
  try {
    await readImportSource(file, name);
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error(`${file} was read`);
}

describe('broken upload files', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-broken-'));
  });
  afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

  it.each([
    ['a parent-folder path', 'xx/evil.csv', '../evil.csv'],
    ['a path through parent folders', 'a/b/xx/xx/evil.csv', 'a/b/../../evil.csv'],
    ['an absolute path', 'xevil.csv', '/evil.csv'],
    ['a Windows path', 'xx/parties.csv', '..\\parties.csv'],
  ])('refuses a zip holding %s (zip-slip) as a whole, writing nothing', async (_label, placeholder, name) => {
    const file = path.join(tmp, `slip-${placeholder.length}-${name.length}.zip`);
    await fs.writeFile(
      file,
      await zipWithRawName(
        [
          { name: 'parties.csv', content: PARTIES },
          { name: placeholder, content: PARTIES },
        ],
        placeholder,
        name,
      ),
    );
    const { code, message } = await failure(file);
    expect(code).toBe('ZIP_SLIP');
    expect(message).toMatch(/outside its folder/);
    await expect(fs.access(path.join(tmp, '..', 'evil.csv'))).rejects.toThrow();
  });

  it('reports a zip cut short as damaged, not a crash', async () => {
    const whole = await zipOf([{ name: 'parties.csv', content: PARTIES.repeat(200) }]);
    const file = path.join(tmp, 'cut.zip');
    await fs.writeFile(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect((await failure(file)).code).toBe('NOT_A_ZIP');
  });

  it('reports a file that is no zip, no workbook, or of an unknown kind', async () => {
    const text = path.join(tmp, 'text.bin');
    await fs.writeFile(text, 'hello');
    expect((await failure(text, 'upload.zip')).code).toBe('NOT_A_ZIP');
    expect((await failure(text, 'upload.xlsx')).code).toBe('NOT_A_WORKBOOK');
    expect((await failure(text, 'upload.pdf')).code).toBe('UNKNOWN_FORMAT');
    expect((await failure(path.join(tmp, 'absent.zip'))).code).toBe('NOT_FOUND');
    const zipNoWorkbook = path.join(tmp, 'plain.zip');
    await fs.writeFile(zipNoWorkbook, await zipOf([{ name: 'parties.csv', content: PARTIES }]));
    expect(await failure(zipNoWorkbook, 'plain.xlsx')).toEqual({
      code: 'NOT_A_WORKBOOK',
      message:
        'bukan buku kerja XLSX yang dapat dibaca: no xl/workbook.xml in the archive / not a readable XLSX workbook: no xl/workbook.xml in the archive',
    });
  });
});
