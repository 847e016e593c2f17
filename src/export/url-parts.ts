// Small, throw-free URL helpers shared by the exporters, importers and the replay server:
// captured URLs may be relative, placeholders or hostile, and must never throw.

/** `scheme://host:port` of an absolute URL, or '' when it has none. */
export function originOf(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? '' : origin;
  } catch {
    return '';
  }
}

/** The parsed URL, or null when `url` is not absolute. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
