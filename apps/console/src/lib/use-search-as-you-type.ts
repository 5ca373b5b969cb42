import { useEffect, useState } from 'react';

/** How long typing must pause before the server is asked (one request per pause, not per keystroke). */
const PAUSE_MS = 250;

/**
 * What a select that searches on the server needs while the user types: `q`, the text to search for,
 * settled once typing pauses, and `settling`, true while the text on screen is newer than `q`. The
 * results of an older text must not be offered meanwhile: when the new ones arrive they move or vanish
 * under the pointer, and a click that lands between the two chooses nothing.
 */
export function useSearchAsYouType(): { onSearch: (text: string) => void; q: string; settling: boolean } {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  return { onSearch: setTyped, q, settling: typed.trim() !== q };
}
