// Reads a file the user picked for import: refuses oversized files before reading them, then
// recognizes and checks the format. Every failure becomes an ImportError with a clear message.
import { importText, tooLarge, type ImportResult } from '../src/export/import-file';
import { ImportError } from '../src/export/json-read';
import { said } from '../src/i18n/shared';
import { IMPORT_LIMITS } from '../src/export/limits';

export async function readImportFile(file: File): Promise<ImportResult> {
  if (file.size > IMPORT_LIMITS.maxFileBytes) throw tooLarge(file.size);
  let text: string;
  try {
    // Keep the BOM (File.text() drops it): importText drops one, as the browser does, and the
    // CLI's UTF-8 read keeps it too.
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await file.arrayBuffer());
  } catch (e) {
    throw new ImportError(
      said('import.unreadable', { error: e instanceof Error ? e.message : String(e) }),
    );
  }
  return importText(file.name, text, Date.now());
}
