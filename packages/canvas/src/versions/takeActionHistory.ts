import type { Editor, TLInstance, JsonObject } from 'tldraw'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'

/**
 * A take action this person did — a delete, a restore, a take brought back as new — as one step
 * of the editor's undo history.
 *
 * Takes are rows on the server, changed over HTTP, not records of the board's doc, so tldraw's
 * history never saw them and Ctrl+Z right after one jumped over it to an older canvas edit (for
 * everyone: the canvas is shared). Each action here is recorded as a change of a key in this
 * tab's own `instance` record's `meta` (a session record: never synced, never saved), in a
 * history step of its own. tldraw then orders, undoes, redoes and forgets it like any edit (a
 * new edit clears the redo stack), and the after-change handler below turns the key's going back
 * (undo) or forward (redo) into the inverse or the same server request.
 *
 * Every such action flips one take between deleted and not: a delete and a restore flip the take
 * itself, "bring back as new take" made a new take, which undo deletes (a soft delete, as
 * always: nothing saved is lost) and redo restores (no second copy is made).
 *
 * Only this person's own change is taken back: the flip happens only while the take is still as
 * this person's action left it (for a delete, still deleted at the very time of their delete).
 * Someone who restored, deleted or re-deleted it since keeps their choice; the step is used up
 * and the person is told nothing changed.
 */
export interface TakeFlip {
  boardId: string
  versionId: string
  /** True: the action deleted the take; false: it made it live (a restore, a take brought back as new). */
  deleted: boolean
  /** The take's `deletedAt` as the action (or its latest redo) left it. */
  left: string | null
  /** The take's `deletedAt` as the latest undo left it (set by the undo; a redo needs one first). */
  undoneTo?: string | null
}

/** What a flip asks of the server. */
export interface TakeRequests {
  get(boardId: string, versionId: string): Promise<ShotVersion>
  remove(boardId: string, versionId: string): Promise<ShotVersion>
  restore(boardId: string, versionId: string): Promise<ShotVersion>
}

/** What undo or redo of one flip did, for the person to be told. */
export type FlipOutcome = 'done' | 'changed-since'

/** Where the step is kept in the instance record's meta. */
const KEY = 'storyloomTakeStep'

/** Undo or redo of one take action: the steps a tab has recorded, by id. */
interface Step {
  flip: TakeFlip
  /** The key's value before this step (the step before it, or nothing). */
  previous: string | null
}

export interface TakeActionHistory {
  /**
   * Records a take action the server has done as one undo step; `alsoDo` runs inside the same
   * step (the shot switching to a take brought back as new, so one Ctrl+Z takes back both).
   */
  record(flip: TakeFlip, alsoDo?: () => void): void
  dispose(): void
}

/**
 * Puts take actions on `editor`'s undo history. Undo and redo run one after another (an undo
 * and a quick redo never cross on the server); `onOutcome` hears how each went, `onError`
 * any refusal.
 */
export function takeActionHistory(
  editor: Editor,
  requests: TakeRequests,
  { onOutcome, onError }: { onOutcome(outcome: FlipOutcome, undo: boolean): void; onError(cause: unknown): void },
): TakeActionHistory {
  const steps = new Map<string, Step>()
  let recording = false
  let queue: Promise<void> = Promise.resolve()
  let counter = 0

  const dispose = editor.sideEffects.registerAfterChangeHandler('instance', (prev: TLInstance, next: TLInstance) => {
    if (recording) return
    const from = stepIdOf(prev)
    const to = stepIdOf(next)
    if (from === to) return
    const undone = from !== null ? steps.get(from) : undefined
    const redone = to !== null ? steps.get(to) : undefined
    if (undone && undone.previous === to) queue = queue.then(() => replay(undone.flip, true))
    else if (redone && redone.previous === from) queue = queue.then(() => replay(redone.flip, false))
  })

  const replay = async (flip: TakeFlip, undo: boolean) => {
    try {
      const outcome = await flipTake(requests, flip, undo)
      onOutcome(outcome, undo)
    } catch (cause) {
      onError(cause)
    }
  }

  return {
    record(flip, alsoDo) {
      const previous = stepIdOf(editor.getInstanceState())
      const id = `${Date.now().toString(36)}-${(counter++).toString(36)}`
      steps.set(id, { flip, previous })
      editor.markHistoryStoppingPoint('take action')
      recording = true
      try {
        editor.run(
          () => {
            alsoDo?.()
            const meta = editor.getInstanceState().meta
            // updateInstanceState is left out of the history unless asked: this change is the step.
            editor.updateInstanceState({ meta: { ...meta, [KEY]: id } as JsonObject }, { history: 'record' })
          },
          { history: 'record' },
        )
      } finally {
        recording = false
      }
      // The next edit is a step of its own, even one made without a stopping point.
      editor.markHistoryStoppingPoint('after take action')
    },
    dispose,
  }
}

function stepIdOf(instance: TLInstance): string | null {
  const value = instance.meta[KEY]
  return typeof value === 'string' ? value : null
}

/**
 * Undoes or redoes one flip, only while the take is still as this person's action (or its last
 * undo) left it; keeps the `deletedAt` the server now gives it, so the next undo or redo of this
 * step knows the take as this person left it.
 */
export async function flipTake(requests: TakeRequests, flip: TakeFlip, undo: boolean): Promise<FlipOutcome> {
  const expected = undo ? flip.left : flip.undoneTo
  const now = await requests.get(flip.boardId, flip.versionId)
  if (expected === undefined || now.deletedAt !== expected) return 'changed-since'
  const deleting = undo ? !flip.deleted : flip.deleted
  const result = deleting ? await requests.remove(flip.boardId, flip.versionId) : await requests.restore(flip.boardId, flip.versionId)
  if (undo) flip.undoneTo = result.deletedAt
  else flip.left = result.deletedAt
  return 'done'
}
