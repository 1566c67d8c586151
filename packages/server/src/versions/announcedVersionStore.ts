import type { BoardEventOf } from '@storyloom/shared/events/boardEvents'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import type { VersionStore } from './versionStore'

/** Where the changes go: the board's live event channel (`BoardEventHub`). */
export type VersionChangeSink = { publish(event: BoardEventOf<'versions_changed'>): void }

/**
 * The store, telling the board's live channel about every change it makes (after it is
 * committed), so everyone's open Versions panel of that shot re-reads the tree at once. Every
 * writer (the HTTP routes, generation results) goes through one of these.
 */
export function announceVersionChanges(store: VersionStore, events: VersionChangeSink): VersionStore {
  const announce = (version: ShotVersion): ShotVersion => {
    events.publish({ type: 'versions_changed', boardId: version.boardId, shotId: version.shotId, versionId: version.id, at: Date.now() })
    return version
  }
  return {
    get: (boardId, versionId) => store.get(boardId, versionId),
    list: (boardId, shotId, options) => store.list(boardId, shotId, options),
    listForJob: (boardId, jobId) => store.listForJob(boardId, jobId),
    recordVersion(input) {
      const result = store.recordVersion(input)
      // A retried generation result records nothing new.
      if (result.created) announce(result.version)
      return result
    },
    update: (boardId, versionId, patch) => announce(store.update(boardId, versionId, patch)),
    softDelete: (boardId, versionId, condition) => announce(store.softDelete(boardId, versionId, condition)),
    restore: (boardId, versionId, condition) => announce(store.restore(boardId, versionId, condition)),
    reinstate: (boardId, versionId, under) => announce(store.reinstate(boardId, versionId, under)),
  }
}
