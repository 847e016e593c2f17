// Which tab the panel inspects: the DevTools inspected tab, or `?tabId=N` when panel.html is
// opened as an ordinary page (end-to-end tests do that).

export function resolveTabId(inspectedTabId: number | undefined, search: string): number | null {
  if (inspectedTabId !== undefined && Number.isSafeInteger(inspectedTabId) && inspectedTabId >= 0)
    return inspectedTabId;
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
