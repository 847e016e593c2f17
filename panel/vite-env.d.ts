// Lets TypeScript accept the CSS import that Vite bundles.
/// <reference types="vite/client" />
