// A button naming a frame ("frame #12") that selects it in the frames table, where the
// Conversation tab points at a stall, an error or a tool call.
import { t } from '../i18n/translate';

export function FrameLink({ frame, onSelect }: { frame: number; onSelect: (f: number) => void }) {
  return (
    <button
      type="button"
      class="link-button"
      data-testid="conversation-frame-link"
      data-frame={frame}
      title={t('link.selectFrame')}
      onClick={() => onSelect(frame)}
    >
      {t('link.frame', { n: String(frame) })}
    </button>
  );
}
