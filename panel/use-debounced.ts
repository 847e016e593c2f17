// A value that follows its source only after the source has been still for `ms`, so typing in
// the export dialog's redaction fields does not rebuild a large capture on every keystroke.
import { useEffect, useState } from 'preact/hooks';

export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}
