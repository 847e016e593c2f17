// tldts' minified ES module build has no type declarations of its own: it is the same API.
declare module 'tldts/dist/index.esm.min.js' {
  export { getDomain } from 'tldts';
}
