import type { Editor, TLRecord } from 'tldraw'
import { typedTextLimit } from './mergeTypedText'

type Fields = Record<string, unknown>

/** The typed-text keys (`props.title`, `name`) whose values differ between two versions of a record. */
function typedKeysChanged(from: TLRecord, to: TLRecord): string[] {
  const [before, after] = [from as unknown as Fields, to as unknown as Fields]
  const [propsBefore, propsAfter] = [(before.props ?? {}) as Fields, (after.props ?? {}) as Fields]
  return [
    ...Object.keys(propsAfter).filter((key) => typedTextLimit(to, key, true) !== undefined && propsBefore[key] !== propsAfter[key]).map((key) => `props.${key}`),
    ...Object.keys(after).filter((key) => typedTextLimit(to, key, false) !== undefined && before[key] !== after[key]),
  ]
}

/** The editor, with tldraw's `isReplayingHistory` (on every Editor, left out of its public types). */
type ReplayingEditor = Pick<Editor, 'store' | 'markHistoryStoppingPoint'> & { isReplayingHistory?(): boolean }

/**
 * Starts a new undo step when the person types on in a field someone else has typed into since
 * their own last keystroke there (two people writing one shot's dialogue at once).
 *
 * Everything typed between two stopping points (focusing an inspector field) is one undo step,
 * squashed into one value before and one after: the colleague's words that landed in the middle
 * of it were in the "after" value as if the person had typed them, and their Ctrl+Z took them out
 * too, for everyone. Split there, each step holds only the person's own keystrokes, and undoing
 * the earlier one takes the person's words out around the colleague's (see `undoOwnChangesOnly`).
 * Returns the cleanup.
 */
export function splitUndoWhereOthersTyped(editor: ReplayingEditor): () => void {
  /** Per record, the typed keys someone else changed since this person last changed them. */
  const othersTyped = new Map<string, Set<string>>()
  const handler = <R extends TLRecord>(from: R, to: R, source: 'user' | 'remote'): R => {
    const keys = typedKeysChanged(from, to)
    if (keys.length === 0) return to
    if (source === 'remote') {
      const typed = othersTyped.get(to.id) ?? new Set<string>()
      for (const key of keys) typed.add(key)
      othersTyped.set(to.id, typed)
      return to
    }
    const typed = othersTyped.get(to.id)
    // An undo or redo replays a step: it starts none.
    if (typed && !editor.isReplayingHistory?.() && keys.some((key) => typed.has(key))) {
      // Before tldraw's history sees this change: it starts the new step.
      editor.markHistoryStoppingPoint('others typed here')
      for (const key of keys) typed.delete(key)
      if (typed.size === 0) othersTyped.delete(to.id)
    }
    return to
  }
  const stops = [
    editor.store.sideEffects.registerBeforeChangeHandler('shape', handler),
    // Scenes are records of Storyloom's own schema, outside tldraw's record types.
    editor.store.sideEffects.registerBeforeChangeHandler('scene' as TLRecord['typeName'], handler),
    editor.store.sideEffects.registerAfterDeleteHandler('shape', (record) => void othersTyped.delete(record.id)),
  ]
  return () => stops.forEach((stop) => stop())
}
