// Reads a file the user picked for import: refuses oversized files before reading them, then
// recognizes and checks the format. Every failure becomes an ImportError with a clear message.
import { importText, tooLarge, type ImportResult } from '../src/export/import-file';
import { ImportError } from '../src/export/json-read';
import { IMPORT_LIMITS } from '../src/export/limits';

export async function readImportFile(file: File): Promise<ImportResult> {
  if (file.size > IMPORT_LIMITS.maxFileBytes) throw tooLarge(file.size);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    throw new ImportError(
      `the file could not be read (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  return importText(file.name, text, Date.now());
}
