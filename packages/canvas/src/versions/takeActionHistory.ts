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
 * Only this person's own change is taken back: each undo or redo names the take's `revision` as
 * this person's action (or its last undo) left it, and the server refuses the change (409) once
 * someone else deleted or restored the take since. They keep their choice; the step is used up
 * and the person is told nothing changed.
 *
 * A step is recorded when the person acts, in the order they clicked, and settled when the server
 * answers: two quick actions answered out of order still undo last-clicked first. An undo pressed
 * before the answer waits for it. An action the server refused leaves a step that Ctrl+Z passes
 * over to the step before it at once, in the same task as the key press (never later, behind
 * other undos waiting for the server: an edit made meanwhile would be undone instead). An action
 * undone before its refusal came undoes nothing more: the person may have edited since, so they
 * are told, and their next Ctrl+Z goes on from there.
 */
export interface TakeFlip {
  boardId: string
  versionId: string
  /** True: the action deleted the take; false: it made it live (a restore, a take brought back as new). */
  deleted: boolean
  /** The take's `revision` as the action (or its latest redo) left it. */
  left: number
  /** The take's `revision` as the latest undo left it (set by the undo; a redo needs one first). */
  undoneTo?: number
  /**
   * Runs, outside the undo history, after an undo (`undo` true) or redo of this flip went through
   * on the server: the shot going back to the take it showed before a take brought back as new.
   */
  follow?: (undo: boolean) => void
}

/**
 * What a flip asks of the server: a delete or restore made only while the take's revision is
 * still `ifRevision`; null when the server refused it because the take changed since.
 */
export interface TakeRequests {
  remove(boardId: string, versionId: string, ifRevision: number): Promise<ShotVersion | null>
  restore(boardId: string, versionId: string, ifRevision: number): Promise<ShotVersion | null>
}

/** What undo or redo of one flip did, for the person to be told. */
export type FlipOutcome = 'done' | 'changed-since' | 'refused'

/** Where the step is kept in the instance record's meta. */
const KEY = 'storyloomTakeStep'

/** Undo or redo of one take action: the steps a tab has recorded, by id. */
interface Step {
  /** The action as the server did it; null once it refused it (the step is dropped). */
  flip: Promise<TakeFlip | null>
  /** The server's answer once known: the flip, or null (refused); undefined while it works. */
  settled?: TakeFlip | null
  /** The key's value before this step (the step before it, or nothing). */
  previous: string | null
}

export interface TakeActionHistory {
  /**
   * Records a take action as one undo step at once, when the person acts: `action` is the
   * request, resolving to the flip the server did, or to null when it refused (then the step is
   * dropped: Ctrl+Z passes over it).
   */
  record(action: Promise<TakeFlip | null>): void
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
    if (undone && undone.previous === to) move(undone, to, true)
    else if (redone && redone.previous === from) move(redone, to, false)
  })

  /** `at`: the step id the key holds once this undo or redo is done. */
  const move = (step: Step, at: string | null, undo: boolean) => {
    if (step.settled !== null) {
      queue = queue.then(() => replay(step, undo))
      return
    }
    // Refused: pass over it as if it were never there. Not from inside this undo (tldraw sets its
    // stacks after the handlers ran) but in a microtask, which runs before any next key or click.
    queueMicrotask(() => {
      if (stepIdOf(editor.getInstanceState()) !== at) return
      if (undo) editor.undo()
      else editor.redo()
    })
  }

  const replay = async (step: Step, undo: boolean) => {
    const flip = await step.flip
    if (!flip) {
      onOutcome('refused', undo)
      return
    }
    try {
      const outcome = await flipTake(requests, flip, undo)
      if (outcome === 'done') flip.follow?.(undo)
      onOutcome(outcome, undo)
    } catch (cause) {
      onError(cause)
    }
  }

  return {
    record(action) {
      const previous = stepIdOf(editor.getInstanceState())
      const id = `${Date.now().toString(36)}-${(counter++).toString(36)}`
      // A request that failed is a refusal the caller reports; here it only drops the step.
      const step: Step = { flip: action.catch(() => null), previous }
      void step.flip.then((flip) => (step.settled = flip))
      steps.set(id, step)
      editor.markHistoryStoppingPoint('take action')
      recording = true
      try {
        const meta = editor.getInstanceState().meta
        // updateInstanceState is left out of the history unless asked: this change is the step.
        editor.updateInstanceState({ meta: { ...meta, [KEY]: id } as JsonObject }, { history: 'record' })
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
 * undo) left it — the server checks the revision sent — and keeps the revision the server now
 * gives it, so the next undo or redo of this step knows the take as this person left it.
 */
export async function flipTake(requests: TakeRequests, flip: TakeFlip, undo: boolean): Promise<FlipOutcome> {
  const expected = undo ? flip.left : flip.undoneTo
  if (expected === undefined) return 'changed-since'
  const deleting = undo ? !flip.deleted : flip.deleted
  const request = deleting ? requests.remove : requests.restore
  const result = await request(flip.boardId, flip.versionId, expected)
  if (!result) return 'changed-since'
  if (undo) flip.undoneTo = result.revision
  else flip.left = result.revision
  return 'done'
}
