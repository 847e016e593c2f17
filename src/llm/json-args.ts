// Parses assembled tool-call arguments, and when the model broke them says where: engines'
// JSON.parse messages differ and newer ones carry no position, so the offset is found here.
import type { ParsedArguments } from './conversation';

export function parseArguments(text: string): ParsedArguments {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    const offset = firstErrorOffset(text);
    return { ok: false, error: `invalid JSON at offset ${offset}`, offset };
  }
}

/** Offset of the first character where `text` stops being valid JSON (its length if it ends early). */
export function firstErrorOffset(text: string): number {
  const scanner = new Scanner(text);
  try {
    scanner.value();
    scanner.space();
    if (scanner.pos < text.length) return scanner.pos;
    return text.length;
  } catch (error) {
    if (error instanceof ScanError) return error.offset;
    throw error;
  }
}

class ScanError extends Error {
  constructor(readonly offset: number) {
    super(`invalid JSON at offset ${offset}`);
  }
}

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  space(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private fail(): never {
    throw new ScanError(this.pos);
  }

  private expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail();
    this.pos++;
  }

  value(): void {
    this.space();
    const c = this.text[this.pos];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else this.literal();
  }

  private object(): void {
    this.sequence('}', () => {
      this.space();
      this.string();
      this.space();
      this.expect(':');
      this.value();
    });
  }

  private array(): void {
    this.sequence(']', () => this.value());
  }

  /** Items separated by commas after an opening bracket, up to `close`; possibly none. */
  private sequence(close: string, item: () => void): void {
    this.pos++;
    this.space();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      item();
      this.space();
      if (this.text[this.pos] === ',') this.pos++;
      else return this.expect(close);
    }
  }

  private string(): void {
    this.expect('"');
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c < ' ') this.fail();
      if (c === '"') break;
      if (c === '\\') {
        ESCAPE.lastIndex = this.pos;
        if (!ESCAPE.test(this.text)) this.fail();
        this.pos = ESCAPE.lastIndex;
      } else {
        this.pos++;
      }
    }
    this.pos++;
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) this.fail();
    this.pos = NUMBER.lastIndex;
  }

  private literal(): void {
    for (const word of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    let matched = 0;
    const prefixOfLiteral = (length: number): boolean =>
      LITERALS.some((w) => w.startsWith(this.text.slice(this.pos, this.pos + length)));
    while (this.pos + matched < this.text.length && prefixOfLiteral(matched + 1)) matched++;
    this.pos += matched;
    this.fail();
  }
}
