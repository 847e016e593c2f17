// How the Request tab shows a fetch/XHR request body: JSON pretty-printed, form fields for
// URL-encoded and multipart bodies, text as it is, and only the size of binary bodies.
// Pure, so every shape is unit-tested without a browser.
import type { RequestBodyView } from '../src/model/capture-state';

export type BodyDisplay =
  | { kind: 'json'; text: string }
  | { kind: 'fields'; fields: [string, string][] }
  | { kind: 'text'; text: string }
  | { kind: 'binary' }
  | { kind: 'empty' };

/** The MIME essence of a header value: lower case, without parameters. */
function essence(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function bodyDisplay(body: RequestBodyView, contentType: string | null): BodyDisplay {
  if (body.binary) return { kind: 'binary' };
  if (body.text === '') return { kind: 'empty' };
  const type = essence(contentType);
  if (type === 'application/x-www-form-urlencoded') {
    return { kind: 'fields', fields: [...new URLSearchParams(body.text)] };
  }
  if (type === 'multipart/form-data') {
    const fields = multipartFields(body.text, contentType ?? '');
    if (fields) return { kind: 'fields', fields };
  }
  const complete = body.size !== null && body.kept >= body.size;
  if (complete && (type.endsWith('json') || /^\s*[[{]/.test(body.text))) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(body.text), null, 2) };
    } catch {
      // Not JSON after all: shown as text.
    }
  }
  return { kind: 'text', text: body.text };
}

/**
 * The fields of a multipart/form-data body: each part's name and its value (a file part as
 * `file.txt (text/plain, 12 bytes)`); null when the body does not parse.
 */
export function multipartFields(text: string, contentType: string): [string, string][] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) return null;
  const fields: [string, string][] = [];
  for (const part of text.split(`--${mark}`).slice(1)) {
    if (part.startsWith('--')) break;
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const head = part.slice(0, split);
    const value = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return null;
    const file = /filename="([^"]*)"/i.exec(head)?.[1];
    if (file === undefined) {
      fields.push([name, value]);
    } else {
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
      fields.push([name, `${file} (${type}, ${new TextEncoder().encode(value).length} bytes)`]);
    }
  }
  return fields;
}

/** `Content-Type` of a header list, case-insensitively. */
export function headerValue(headers: readonly [string, string][], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}
