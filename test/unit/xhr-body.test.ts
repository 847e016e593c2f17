// What the XHR hook keeps of a send() body, for each kind XMLHttpRequest accepts.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/protocol/constants';
import { copySendBody } from '../../src/capture/xhr-body';
import { xhrContext } from './support/xhr-fakes';

const { ctx } = xhrContext();
const copy = (body: unknown) => copySendBody(body, ctx.I, ctx.X)?.() ?? null;
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('copySendBody', () => {
  it('takes a string as UTF-8, with its size in bytes', () => {
    const body = copy('{"q":"é"}');
    expect(text(body?.bytes)).toBe('{"q":"é"}');
    expect(body?.size).toBe(10);
  });

  it('encodes text only when the copy is wanted', () => {
    let encoded = 0;
    const X = { ...ctx.X, encode: (t: string) => (encoded++, new TextEncoder().encode(t)) };
    const body = copySendBody('x'.repeat(1000), ctx.I, X);
    expect(encoded).toBe(0);
    expect(body?.().size).toBe(1000);
    expect(encoded).toBe(1);
  });

  it('takes a number as its text, and nothing for null, undefined or a symbol', () => {
    expect(text(copy(42)?.bytes)).toBe('42');
    expect([copy(null), copy(undefined), copy(Symbol('s'))]).toEqual([null, null, null]);
  });

  it('takes URLSearchParams as their serialisation', () => {
    expect(text(copy(new URLSearchParams({ a: '1', b: 'x y' }))?.bytes)).toBe('a=1&b=x+y');
  });

  it('copies an ArrayBuffer at send(), so later writes by the page do not show', () => {
    const buffer = new Uint8Array([1, 2, 3]).buffer;
    const body = copySendBody(buffer, ctx.I, ctx.X);
    new Uint8Array(buffer)[0] = 9;
    expect(body?.()).toEqual({ bytes: new Uint8Array([1, 2, 3]), size: 3 });
  });

  it('takes only the viewed bytes of a typed array or DataView', () => {
    const whole = new Uint8Array([0, 1, 2, 3, 4, 5]);
    expect(copy(whole.subarray(2, 4))).toEqual({ bytes: new Uint8Array([2, 3]), size: 2 });
    expect(copy(new DataView(whole.buffer, 1, 3))).toEqual({
      bytes: new Uint8Array([1, 2, 3]),
      size: 3,
    });
    expect(copy(new Uint16Array([1]))?.size).toBe(2);
  });

  it('keeps a Blob by its size only', () => {
    expect(copy(new Blob(['12345']))).toEqual({ bytes: new Uint8Array(0), size: 5 });
  });

  it('writes FormData as name=value lines, a file by its name and size', () => {
    const form = new FormData();
    form.append('prompt', 'hi');
    form.append('doc', new File(['abc'], 'notes.txt'));
    const body = copy(form);
    expect(text(body?.bytes)).toBe('prompt=hi\ndoc=<file "notes.txt", 3 bytes>');
    expect(body?.size).toBe(body?.bytes.length);
  });

  it('gives nothing for another object, without calling its toString', () => {
    let called = false;
    const other = {
      toString() {
        called = true;
        return 'x';
      },
    };
    expect(copy(other)).toBeNull();
    expect(called).toBe(false);
  });

  it('keeps the first LIMITS.maxRequestBodyBytes bytes and the true size', () => {
    const big = 'a'.repeat(LIMITS.maxRequestBodyBytes + 10);
    const body = copy(big);
    expect(body?.bytes.length).toBe(LIMITS.maxRequestBodyBytes);
    expect(body?.size).toBe(LIMITS.maxRequestBodyBytes + 10);
    const buffer = copy(new Uint8Array(LIMITS.maxRequestBodyBytes + 1).buffer);
    expect(buffer?.bytes.length).toBe(LIMITS.maxRequestBodyBytes);
    expect(buffer?.size).toBe(LIMITS.maxRequestBodyBytes + 1);
  });
});
