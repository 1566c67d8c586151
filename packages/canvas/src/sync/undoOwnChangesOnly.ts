import { isEqual, type RecordsDiff, type TLRecord, type TLStore } from 'tldraw'

/**
 * Makes undo and redo put back only what this person's own change did.
 *
 * tldraw's undo and redo (its HistoryManager, the one caller of `applyDiff` with
 * `ignoreEphemeralKeys`) put each touched record back as it was, whole: a change someone else
 * made since to another property of that record — a generated image landing on the shot whose
 * action you typed, a collaborator's title — was undone along with yours, for everyone. Here
 * each record gets back only the keys the change itself changed (its top-level keys, and each
 * key of its `props` and `meta`), over the record as it is now — and only where that key still
 * holds what the change left: a key someone else set since keeps their value (the director's
 * newer choice of take is not replaced by the writer's undo), as Yjs's own UndoManager does.
 */
export function undoOwnChangesOnly(store: TLStore): void {
  const applyDiff = store.applyDiff.bind(store)
  store.applyDiff = (diff, options = {}) => {
    if (!options.ignoreEphemeralKeys) return applyDiff(diff, options)
    const updated: RecordsDiff<TLRecord>['updated'] = {}
    for (const [id, [from, to]] of Object.entries(diff.updated) as [TLRecord['id'], [TLRecord, TLRecord]][]) {
      const current = store.get(id)
      updated[id] = [from, current && current.typeName === to.typeName ? withChange(current, from, to) : to]
    }
    applyDiff({ ...diff, updated }, options)
  }
}

type Fields = Record<string, unknown>

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `current` with the keys that differ between `from` and `to` set as in `to` (one level into
 * `props` and `meta`), each only where `current` still holds `from`'s value.
 */
function withChange<R extends TLRecord>(current: R, from: R, to: R): R {
  return changedFields(current as unknown as Fields, from as unknown as Fields, to as unknown as Fields, true) as unknown as R
}

function changedFields(current: Fields, from: Fields, to: Fields, top: boolean): Fields {
  const result: Fields = { ...current }
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const before = from[key]
    const after = to[key]
    if (Object.is(before, after)) continue
    const nested = top && (key === 'props' || key === 'meta')
    const now = result[key]
    if (nested && isFields(before) && isFields(after) && isFields(now)) result[key] = changedFields(now, before, after, false)
    else if (!isEqual(now, before)) continue
    else if (key in to) result[key] = after
    else delete result[key]
  }
  return result
}
