// The extension's version, stamped into exported captures as their generator.
import browser from 'webextension-polyfill';

export function appVersion(): string {
  return browser.runtime.getManifest().version;
}
