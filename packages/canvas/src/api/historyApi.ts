import type { BoardSnapshot, RestoreBoardSnapshotResponse } from '@storyloom/shared/api/history'
import { api, succeed } from './apiClient'
import { currentAuthor } from './versionsApi'

const history = () => api.boards[':boardId'].history
const snapshot = () => api.boards[':boardId'].history[':snapshotId']

/** The board's named snapshots, newest first. */
export async function listSnapshots(boardId: string, signal?: AbortSignal): Promise<BoardSnapshot[]> {
  return (await (await succeed(history().$get({ param: { boardId } }, { init: { signal } }))).json()).snapshots
}

export async function takeSnapshot(boardId: string, name: string): Promise<BoardSnapshot> {
  return (await succeed(history().$post({ param: { boardId }, json: { name, author: currentAuthor() } }))).json()
}

/** The snapshot's doc state (one Yjs update), to open it read-only. */
export async function snapshotState(boardId: string, snapshotId: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await succeed(snapshot().state.$get({ param: { boardId, snapshotId } }, { init: { signal } }))
  return new Uint8Array(await response.arrayBuffer())
}

/** Restores the snapshot as a new state of the live board; the replaced state is kept as `backup`. */
export async function restoreSnapshot(boardId: string, snapshotId: string): Promise<RestoreBoardSnapshotResponse> {
  return (await succeed(snapshot().restore.$post({ param: { boardId, snapshotId }, json: { author: currentAuthor() } }))).json()
}
