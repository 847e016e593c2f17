// The page where Firefox users allow deep capture (panel.html?grant). Firefox gives a DevTools
// panel no permissions API (bug 1796933), so when the panel's switch finds the permissions
// missing the background opens this page in a tab; a click on its button is the gesture
// permissions.request needs. The user then turns the switch on again.
import browser from 'webextension-polyfill';
import { deepCapturePermissions } from '../src/deep-capture/deep-capture-kind';
import type { PermissionsApi } from './deep-capture';
import { t } from './i18n/translate';

/** The query that makes panel.html this page. */
const GRANT_QUERY = 'grant';

export function isGrantPage(search: string): boolean {
  return new URLSearchParams(search).has(GRANT_QUERY);
}

export function showGrantPage(root: HTMLElement): void {
  document.title = t('grant.title');
  const main = document.createElement('main');
  main.className = 'grant';
  const intro = document.createElement('p');
  intro.textContent = t('grant.intro');
  const allow = document.createElement('button');
  allow.type = 'button';
  allow.dataset.testid = 'grant-allow';
  allow.textContent = t('grant.allow');
  const result = document.createElement('p');
  result.setAttribute('role', 'status');
  result.dataset.testid = 'grant-result';
  main.append(intro, allow, result);
  root.replaceChildren(main);
  allow.addEventListener('click', () => {
    // The optional permissions' names are checked by the manifest, not by the polyfill's types.
    const permissions = browser.permissions as unknown as PermissionsApi;
    permissions.request(deepCapturePermissions('filter')).then(
      (granted) => {
        result.textContent = granted ? t('grant.done') : t('deep.notGrantedFirefox');
      },
      (error: unknown) => {
        result.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  });
}
