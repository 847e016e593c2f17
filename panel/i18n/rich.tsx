// Translated sentences with markup inside: the catalog keeps `{name}` where an element goes
// (a <code> term, say), so translators can move it, and this puts the elements in.
import type { ComponentChild } from 'preact';

/** `text` split at its `{name}` placeholders, each replaced by `parts[name]`. */
export function rich(
  text: string,
  parts: Readonly<Record<string, ComponentChild>>,
): ComponentChild[] {
  return text.split(/(\{\w+\})/).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name !== undefined && name in parts ? parts[name] : piece;
  });
}
