// ASCII lower-casing for the page hook (request methods, header names, MIME types): by
// indexing strings and comparing characters only, so page code that replaced a String method
// can neither see nor steer it. No table is built: the hook's script runs in every document,
// and one built at load costs each of them more than all the lookups most pages ever make.

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** `ch` in lower case if it is an ASCII capital letter, else `ch` itself. */
export function lowerAsciiChar(ch: string): string {
  if (ch < 'A' || ch > 'Z') return ch;
  for (let i = 0; i < UPPER.length; i++) if (UPPER[i] === ch) return LOWER[i] as string;
  return ch;
}

/** Lower case of ASCII letters; anything else kept. */
export function lowerAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += lowerAsciiChar(text[i] as string);
  return out;
}
