// The Conversation tab's exports: copy or download the conversation as Markdown, download it
// as JSON. The files are built on click by the pure builders in src/llm/conversation-export.ts.
import {
  conversationFileName,
  conversationJson,
  conversationMarkdown,
  type ConversationRecord,
} from '../../src/llm/conversation-export';
import type { ConversationModel } from '../conversation/model';
import { downloadFile } from '../export-download';
import { CopyButton } from './CopyButton';
import { t } from '../i18n/translate';

export function ConversationExport({ url, model }: { url: string; model: ConversationModel }) {
  const record = (): ConversationRecord => ({
    url,
    model: model.model,
    conversation: model.conversation,
    metrics: model.metrics,
    request: model.request,
  });
  return (
    <>
      <CopyButton
        label={t('conv.copyMarkdown')}
        title={t('conv.copyMarkdownTitle')}
        testId="conversation-copy-markdown"
        text={() => conversationMarkdown(record())}
      />
      <button
        type="button"
        class="text-button"
        data-testid="conversation-download-markdown"
        title={t('conv.downloadMarkdownTitle')}
        onClick={() =>
          downloadFile({
            name: conversationFileName(url, Date.now(), 'md'),
            mime: 'text/markdown',
            text: conversationMarkdown(record()),
          })
        }
      >
        {t('conv.downloadMarkdown')}
      </button>
      <button
        type="button"
        class="text-button"
        data-testid="conversation-download-json"
        title={t('conv.downloadJsonTitle')}
        onClick={() =>
          downloadFile({
            name: conversationFileName(url, Date.now(), 'json'),
            mime: 'application/json',
            text: `${conversationJson(record())}\n`,
          })
        }
      >
        {t('conv.downloadJson')}
      </button>
    </>
  );
}
