import { useCallback, useState } from 'react';
import type { NeedDraft } from './need-draft';

// The answers live in sessionStorage: a reload, the back button or a failed send keep what the
// person typed; closing the tab forgets them (a shared computer at a library desk). Written at
// once, not after the render: a page may navigate away in the same moment.
const KEY = 'prossimo.citizen.needDraft';

function read(): NeedDraft {
  try {
    const stored = sessionStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as NeedDraft) : {};
  } catch {
    return {};
  }
}

function write(draft: NeedDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the answers still live in memory for this page.
  }
}

export function clearNeedDraft(): void {
  sessionStorage.removeItem(KEY);
}

/** The draft, a patch setter and a whole-draft setter; every change is stored at once. */
export function useNeedDraft(): [NeedDraft, (patch: Partial<NeedDraft>) => void, (draft: NeedDraft) => void] {
  const [draft, setDraft] = useState<NeedDraft>(read);
  const update = useCallback((patch: Partial<NeedDraft>) => {
    const next = { ...read(), ...patch };
    write(next);
    setDraft(next);
  }, []);
  const replace = useCallback((next: NeedDraft) => {
    write(next);
    setDraft(next);
  }, []);
  return [draft, update, replace];
}
