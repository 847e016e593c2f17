// The request side of a conversation, read from the captured request body: model, sampling
// parameters, tools offered, system prompt and the messages by role. Text only.
import type { LlmRequest } from '../../src/llm/request';
import { t } from '../i18n/translate';

export function ConversationRequest({ request }: { request: LlmRequest | null }) {
  if (!request) {
    return (
      <p class="dim" data-testid="conversation-request" data-empty="true">
        {t('conv.noRequest')}
      </p>
    );
  }
  const params = Object.entries(request.params);
  return (
    <details class="conversation-request" data-testid="conversation-request">
      <summary>
        {t('conv.requestSummary', { messages: String(request.messages.length) })}
        {request.tools.length > 0 &&
          t('conv.requestTools', { tools: String(request.tools.length) })}
      </summary>
      <dl class="detail-meta">
        <dt>{t('conv.model')}</dt>
        <dd data-testid="conversation-request-model">{request.model ?? '—'}</dd>
        <dt>{t('conv.parameters')}</dt>
        <dd class="wrap" data-testid="conversation-request-params">
          {params.length
            ? params.map(([k, v]) => `${k}=${String(v)}`).join(', ')
            : t('conv.noneSent')}
        </dd>
        <dt>{t('conv.toolsOffered')}</dt>
        <dd class="wrap" data-testid="conversation-request-tools">
          {request.tools.length ? request.tools.join(', ') : t('conv.none')}
        </dd>
      </dl>
      {request.system && (
        <div
          class="conversation-message"
          data-testid="conversation-request-message"
          data-role="system"
        >
          <h4>system</h4>
          <div class="conversation-text">{request.system}</div>
        </div>
      )}
      {request.messages.map((m, i) => (
        <div
          key={i}
          class="conversation-message"
          data-testid="conversation-request-message"
          data-role={m.role}
        >
          <h4>{m.role}</h4>
          <div class="conversation-text">{m.text}</div>
        </div>
      ))}
    </details>
  );
}
