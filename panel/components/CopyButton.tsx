// "Copy" button for a frame's data, which briefly confirms whether the copy worked.
import { useEffect, useState } from 'preact/hooks';
import { copyText } from '../clipboard';

const FEEDBACK_MS = 1500;

export function CopyButton({ text }: { text: string }) {
  const [result, setResult] = useState<'Copied' | 'Copy failed' | null>(null);
  useEffect(() => {
    if (result === null) return;
    const id = setTimeout(() => setResult(null), FEEDBACK_MS);
    return () => clearTimeout(id);
  }, [result]);
  return (
    <button
      type="button"
      class="text-button"
      title="Copy data to the clipboard"
      onClick={() => {
        void copyText(text).then((ok) => setResult(ok ? 'Copied' : 'Copy failed'));
      }}
    >
      {result ?? 'Copy'}
    </button>
  );
}
