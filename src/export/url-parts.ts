// A throw-free URL parse for the importers and the replay server: captured URLs may be
// relative, placeholders or hostile, and must never throw. (Origins: src/model/site.ts.)

/** The parsed URL, or null when `url` is not absolute. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
