import { isEqual, type RecordsDiff, type TLRecord, type TLStore } from 'tldraw'
import { mergeTypedText, typedTextLimit } from './mergeTypedText'

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
 *
 * One undo step is every change of the person's between two stopping points, squashed into one
 * before and after: what someone else wrote in between (a reorder landing while the writer types
 * the shot's title) shows in it as if the person had changed it. So a key whose latest value came
 * from someone else is never the person's to undo or redo — except a field people type into (a
 * shot's title, action, dialogue; a scene's name, slugline, location): there the person's own
 * words are taken out of (or put back into) the text as it is now, around what the other person
 * typed since, as long as the two do not overlap. Before, Ctrl+Z after a colleague added a word
 * to your dialogue did nothing at all, your sentence staying.
 */
export function undoOwnChangesOnly(store: TLStore): void {
  const othersWrote = keysLastWrittenByOthers(store)
  const applyDiff = store.applyDiff.bind(store)
  store.applyDiff = (diff, options = {}) => {
    if (!options.ignoreEphemeralKeys) return applyDiff(diff, options)
    const updated: RecordsDiff<TLRecord>['updated'] = {}
    for (const [id, [from, to]] of Object.entries(diff.updated) as [TLRecord['id'], [TLRecord, TLRecord]][]) {
      const current = store.get(id)
      const mine = (key: string) => !othersWrote.get(id)?.has(key)
      updated[id] = [from, current && current.typeName === to.typeName ? withChange(current, from, to, mine) : to]
    }
    applyDiff({ ...diff, updated }, options)
  }
}

type Fields = Record<string, unknown>

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value)

const isNested = (key: string) => key === 'props' || key === 'meta'

/**
 * Per document record, the keys (`x`, `props.order`) whose current value another person wrote:
 * set by a remote change, cleared when this person writes the key again.
 */
function keysLastWrittenByOthers(store: TLStore): ReadonlyMap<string, ReadonlySet<string>> {
  const byRecord = new Map<string, Set<string>>()
  const types = Object.values(store.schema.types).filter((type) => type.scope === 'document')
  for (const { typeName } of types) {
    store.sideEffects.registerAfterChangeHandler(typeName as TLRecord['typeName'], (from, to, source) => {
      // Only what is needed: a change of one's own to a record nobody else wrote (a stroke being
      // drawn, at pointer rate) compares nothing.
      let others = byRecord.get(to.id)
      if (source !== 'remote' && !others) return
      const keys = changedKeys(from as unknown as Fields, to as unknown as Fields)
      if (source === 'remote') {
        if (!others) byRecord.set(to.id, (others = new Set()))
        for (const key of keys) others.add(key)
      } else if (others) {
        for (const key of keys) others.delete(key)
        if (others.size === 0) byRecord.delete(to.id)
      }
    })
    store.sideEffects.registerAfterDeleteHandler(typeName as TLRecord['typeName'], (record) => void byRecord.delete(record.id))
  }
  return byRecord
}

/**
 * The keys that differ between two versions of a record, `props` and `meta` one level in (`props.w`).
 * By value: a record that comes from the doc is a new object throughout, so an object-valued key
 * (a shot's `camera`) it carries unchanged is not someone else's write.
 */
function changedKeys(from: Fields, to: Fields): string[] {
  return [...new Set([...Object.keys(from), ...Object.keys(to)])].flatMap((key) => {
    const [before, after] = [from[key], to[key]]
    if (isEqual(before, after)) return []
    if (isNested(key) && isFields(before) && isFields(after)) return changedKeys(before, after).map((inner) => `${key}.${inner}`)
    return [key]
  })
}

/**
 * `current` with the keys that differ between `from` and `to` set as in `to` (one level into
 * `props` and `meta`), each only where `current` still holds `from`'s value and `mine(key)`.
 */
function withChange<R extends TLRecord>(current: R, from: R, to: R, mine: (key: string) => boolean): R {
  const textLimit = (key: string, prefix: string) => typedTextLimit(current, key, prefix === 'props.')
  return changedFields(current as unknown as Fields, from as unknown as Fields, to as unknown as Fields, mine, textLimit, '') as unknown as R
}

type TextLimit = (key: string, prefix: string) => number | undefined

function changedFields(current: Fields, from: Fields, to: Fields, mine: (key: string) => boolean, textLimit: TextLimit, prefix: string): Fields {
  const result: Fields = { ...current }
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const before = from[key]
    const after = to[key]
    if (Object.is(before, after)) continue
    const path = prefix + key
    const now = result[key]
    if (!prefix && isNested(key) && isFields(before) && isFields(after) && isFields(now)) {
      result[key] = changedFields(now, before, after, mine, textLimit, `${key}.`)
    } else if (!isEqual(now, before) || !mine(path)) {
      // Someone typed into this field since: only the person's own edit of the text is changed.
      const limit = textLimit(key, prefix)
      const merged = limit !== undefined && typeof before === 'string' && typeof after === 'string' && typeof now === 'string'
        ? mergeTypedText(before, now, after, limit, false)
        : null
      if (merged !== null) result[key] = merged
    } else if (key in to) result[key] = after
    else delete result[key]
  }
  return result
}
