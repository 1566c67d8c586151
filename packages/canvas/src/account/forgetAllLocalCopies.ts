import { localCopyName } from '../sync/localCopyName'

/**
 * Deletes every board copy this browser keeps for offline use. Run on sign-out: on a shared
 * computer the next person must not find the boards, even with the server unreachable.
 */
export async function forgetAllLocalCopies(): Promise<void> {
  const prefix = localCopyName('')
  try {
    const databases = await indexedDB.databases()
    for (const { name } of databases) if (name?.startsWith(prefix)) indexedDB.deleteDatabase(name)
  } catch {
    // IndexedDB unavailable (private mode) or no databases(): nothing was kept.
  }
}
