// A copy-to-clipboard button (the detail pane has "Copy data" and "Copy as JSON") that briefly
// confirms whether the copy worked. The text is built on click, not on every render.
import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../clipboard';
import { t } from '../i18n/translate';

const FEEDBACK_MS = 1500;

interface Props {
  label: string;
  title: string;
  text: () => string;
  testId?: string;
}

export function CopyButton({ label, title, text, testId }: Props) {
  const [result, setResult] = useState<'copy.done' | 'copy.failed' | null>(null);
  useEffect(() => {
    if (result === null) return;
    const id = setTimeout(() => setResult(null), FEEDBACK_MS);
    return () => clearTimeout(id);
  }, [result]);
  return (
    <button
      type="button"
      class="text-button"
      title={title}
      data-testid={testId}
      onClick={() => {
        void copyText(text()).then((ok) => setResult(ok ? 'copy.done' : 'copy.failed'));
      }}
    >
      {result === null ? label : t(result)}
    </button>
  );
}
