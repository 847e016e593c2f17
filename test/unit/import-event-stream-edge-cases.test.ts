// The `.sse` import on streams where it parted ways with Chromium (found by the conformance
// corpus, test/e2e/conformance.spec.ts): data fields written without a colon, and a file that
// starts with two BOMs, of which the browser drops one.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/export/import-file';
import { readImportFile } from '../../panel/import-read';

const dataOf = (file: { connections: { frames: { data: string }[] }[] }) =>
  file.connections[0]?.frames.map((f) => f.data);

describe('.sse import edge cases', () => {
  it('recognizes a stream whose only data fields have no colon', () => {
    expect(dataOf(importText('a.sse', 'data\r\rid: 1\r\r', 0).file)).toEqual(['']);
  });

  it('drops one BOM of a picked file, not two', async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
    const file = new File([bom, bom, 'data: x\n\ndata: y\n\n'], 'b.sse');
    expect(dataOf((await readImportFile(file)).file)).toEqual(['y']);
  });
});
