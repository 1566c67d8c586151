import { localCopyName } from '../sync/localCopyName'

/** Deletes this device's offline copy of a deleted board, so it cannot linger or reappear. */
export function forgetLocalCopy(boardId: string): void {
  try {
    indexedDB.deleteDatabase(localCopyName(boardId))
  } catch {
    // IndexedDB unavailable (private mode): there is no copy to forget.
  }
}
