// The extension's version, stamped into exported captures as their generator. Bundled in
// from package.json, the same source the build writes into both manifests.
import { VERSION } from '../src/version';

export function appVersion(): string {
  return VERSION;
}
