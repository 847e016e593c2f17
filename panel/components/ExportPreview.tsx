// The export dialog's lower half: what the export holds, a preview of the file with the
// redaction applied, and the download buttons (one per connection for raw `.sse` streams).
import type { CaptureFile } from '../../src/export/capture-types';
import { exportFileNames, type ExportFormat } from '../../src/export/render-export';
import { formatBytes } from '../format';
import { t } from '../i18n/translate';

/** Frames per connection shown in the preview; the download has all of them. */
export const PREVIEW_FRAMES = 10;

export function ExportPreview(props: {
  file: CaptureFile;
  text: string;
  format: ExportFormat;
  onDownload: (file: CaptureFile) => void;
}) {
  const { file, text, format, onDownload } = props;
  const frames = file.connections.reduce((n, c) => n + c.frames.length, 0);
  const replaced = file.redaction?.replaced ?? 0;
  const names = exportFileNames(file, format);
  return (
    <>
      <p class="export-summary" data-testid="export-summary">
        {t('export.summary', {
          connections: t('count.connections', { count: file.connections.length }),
          frames: t('count.frames', { count: frames }),
          redacted: file.redaction ? t('export.redacted', { count: replaced }) : '',
          perConnection: PREVIEW_FRAMES,
          size: formatBytes(text.length),
        })}
      </p>
      <pre class="export-preview" data-testid="export-preview">
        {text}
      </pre>
      <footer>
        {format === 'sse' && file.connections.length > 1 ? (
          file.connections.map((c, i) => (
            <button
              key={c.id}
              type="button"
              class="primary"
              data-testid="export-download"
              data-connection={c.url}
              title={c.url}
              onClick={() => onDownload({ ...file, connections: [c] })}
            >
              {t('export.download', { name: names[i] ?? '' })}
            </button>
          ))
        ) : (
          <button
            type="button"
            class="primary"
            data-testid="export-download"
            disabled={file.connections.length === 0}
            title={names[0]}
            onClick={() => onDownload(file)}
          >
            {t('export.download', { name: names[0] ?? '' })}
          </button>
        )}
      </footer>
    </>
  );
}
