import type * as Y from 'yjs'
import { atom, type Atom } from 'tldraw'
import { changedRecordIds } from '@storyloom/shared/doc/boardDoc'
import { LOCAL_ORIGIN } from './bindStoreToDoc'

/** The localStorage key that remembers, across reloads, that a board has edits the server has not had. */
export function unsentEditsKey(boardId: string): string {
  return `storyloom:unsent:${boardId}`
}

/**
 * Whether this device holds edits to a board that were made with no connection to the server,
 * so the server has not had them yet. They are sent on the next sync (y-websocket answers the
 * server's sync step 1 with them before the server's step 2 marks the provider synced), which
 * clears the flag. Kept in localStorage so that a reload while offline still knows: the edits
 * themselves are in the board's IndexedDB copy.
 *
 * The person's own tldraw user record, which the canvas writes when it opens, is not an edit.
 *
 * Tabs of one board in one browser share the flag (and, through BroadcastChannel and IndexedDB,
 * each other's edits): a tab follows the others' changes to it, so when one tab's sync has sent
 * everything, another tab with nothing of its own pending stops saying edits are waiting.
 */
export class UnsentEdits {
  readonly waiting: Atom<boolean>

  constructor(private readonly boardId: string) {
    this.waiting = atom('unsent edits', readFlag(boardId))
  }

  /**
   * Watches `doc` for the store's own writes made while `connected()` says no, and other tabs'
   * changes to the shared flag; returns an unsubscribe.
   */
  track(doc: Y.Doc, connected: () => boolean): () => void {
    const key = unsentEditsKey(this.boardId)
    const onStorage = (event: StorageEvent) => {
      // A null key is storage.clear() in another tab.
      if (event.key === key || event.key === null) this.waiting.set(readFlag(this.boardId))
    }
    window.addEventListener('storage', onStorage)
    const onTransaction = (transaction: Y.Transaction) => {
      if (transaction.origin !== LOCAL_ORIGIN || connected() || this.waiting.get()) return
      for (const id of changedRecordIds(doc, transaction)) {
        if (!id.startsWith('user:')) return this.set(true)
      }
    }
    doc.on('afterTransaction', onTransaction)
    return () => {
      doc.off('afterTransaction', onTransaction)
      window.removeEventListener('storage', onStorage)
    }
  }

  /** The server has everything this device had: call on each completed sync. */
  sent(): void {
    if (this.waiting.get()) this.set(false)
  }

  private set(waiting: boolean): void {
    this.waiting.set(waiting)
    try {
      if (waiting) localStorage.setItem(unsentEditsKey(this.boardId), '1')
      else localStorage.removeItem(unsentEditsKey(this.boardId))
    } catch {
      // Storage unavailable (private mode): the flag lasts as long as the page.
    }
  }
}

function readFlag(boardId: string): boolean {
  try {
    return localStorage.getItem(unsentEditsKey(boardId)) !== null
  } catch {
    return false
  }
}
