import type { BoardEventOf } from '@storyloom/shared/events/boardEvents'
import type { BoardHistoryStore } from './boardHistoryStore'

/** Where the changes go: the board's live event channel (`BoardEventHub`). */
export type HistoryChangeSink = { publish(event: BoardEventOf<'history_changed'>): void }

/**
 * The store, telling the board's live channel about every snapshot it adds (after it is
 * committed), so everyone's open History panel re-reads the list at once. Every writer (saving
 * a snapshot, the backup a restore keeps) goes through one of these.
 */
export function announceHistoryChanges(store: BoardHistoryStore, events: HistoryChangeSink): BoardHistoryStore {
  return {
    add(input) {
      const snapshot = store.add(input)
      events.publish({ type: 'history_changed', boardId: snapshot.boardId, snapshotId: snapshot.id, at: Date.now() })
      return snapshot
    },
    list: (boardId) => store.list(boardId),
    get: (boardId, snapshotId) => store.get(boardId, snapshotId),
    state: (boardId, snapshotId) => store.state(boardId, snapshotId),
  }
}
