// The schemeful site of the tab's top-level document, the partition key of Chrome's and
// Firefox's socket pools. Its own module because it carries the Public Suffix List (tldts):
// the background and the panel need it, the content script and the page hook must not.
// The minified build is imported: the extension's bundles are not minified, and tldts'
// unminified suffix trie is several times larger.
import { getDomain } from 'tldts/dist/index.esm.min.js';

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
}

/**
 * The schemeful site (`scheme://registrable-domain`) of a URL or origin, as Chrome computes
 * it: the registrable domain under the Public Suffix List, private registries included
 * (`bucket.s3.amazonaws.com` is its own site, `a.github.io` too). IP addresses,
 * single-label hosts and hosts that are themselves a public suffix are their own site.
 */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname;
  if (isIp(host) || !host.includes('.')) return `${u.protocol}//${host}`;
  const domain = getDomain(host, { allowPrivateDomains: true, extractHostname: false });
  return `${u.protocol}//${domain ?? host}`;
}
