// Reads the Conversation tab through its data-testid contract (design.md "Conversation
// view"), in the DevTools panel or in panel.html opened as a tab: the same expression serves
// both, evaluated in the panel's page.

export interface ConversationRead {
  format: string;
  model: string;
  text: string;
  reasoning: string;
  toolCalls: { name: string; id: string; args: string }[];
  ttftMs: number | null;
  ttfrMs: number | null;
  finishReason: string;
  outputTokens: number | null;
  usage: string;
  stalls: number;
  requestModel: string;
  requestRoles: string[];
  requestTools: string;
  requestParams: string;
}

/** The Conversation tab's view, or null while it is not shown. */
export const READ_CONVERSATION = `(() => {
  const root = document.querySelector('[data-testid=conversation]');
  if (!root) return null;
  const q = (id) => root.querySelector('[data-testid=' + id + ']');
  const metrics = q('conversation-metrics')?.dataset ?? {};
  const num = (v) => (v === undefined || v === '' ? null : Number(v));
  return {
    format: root.dataset.format,
    model: root.dataset.model ?? '',
    text: q('conversation-text')?.textContent ?? '',
    reasoning: q('conversation-reasoning')?.textContent ?? '',
    toolCalls: [...root.querySelectorAll('[data-testid=conversation-tool-call]')].map((e) => ({
      name: e.dataset.name, id: e.dataset.id,
      args: e.querySelector('[data-testid=conversation-tool-args]')?.textContent ?? '' })),
    ttftMs: num(metrics.ttftMs),
    ttfrMs: num(metrics.ttfrMs),
    finishReason: metrics.finishReason ?? '',
    outputTokens: num(metrics.outputTokens),
    usage: q('conversation-usage')?.textContent ?? '',
    stalls: Number(metrics.stalls ?? 0),
    requestModel: q('conversation-request-model')?.textContent ?? '',
    requestRoles: [...root.querySelectorAll('[data-testid=conversation-request-message]')].map(
      (e) => e.dataset.role),
    requestTools: q('conversation-request-tools')?.textContent ?? '',
    requestParams: q('conversation-request-params')?.textContent ?? '',
  };
})()`;

/** Opens the Conversation tab when it is offered and not shown yet. */
export const OPEN_CONVERSATION_TAB = `(() => {
  const tab = document.querySelector('[data-testid=tab-conversation]');
  if (tab && tab.getAttribute('aria-selected') !== 'true') tab.click();
  return tab !== null;
})()`;
