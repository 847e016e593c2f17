// The product's version, taken from package.json (its one source) when the code is bundled:
// the panel stamps it into exports, the CLI prints it for --version.
import { version } from '../package.json';

export const VERSION: string = version;
