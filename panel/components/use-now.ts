// Wall-clock time for views whose text ages (connection ages, queue waits): one re-render a
// second while mounted.
import { useEffect, useState } from 'preact/hooks';

const TICK_MS = 1000;

export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(id);
  }, []);
  return now;
}
