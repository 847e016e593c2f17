// Saves a file from the panel: a Blob behind an `<a download>` click, which works both in the
// DevTools panel and in panel.html opened as a tab, and needs no downloads permission.

export interface Downloadable {
  name: string;
  mime: string;
  text: string;
  /** Written instead of `text` when set (a stream's body byte for byte). */
  bytes?: Uint8Array<ArrayBuffer>;
}

/** How long a blob URL outlives its click; the browser has read it well before then. */
const REVOKE_AFTER_MS = 60_000;

export function downloadFile(file: Downloadable, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.bytes ?? file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
