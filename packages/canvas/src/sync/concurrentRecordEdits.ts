import * as Y from 'yjs'
import { isEqual, type TLRecord } from 'tldraw'
import { mergeTypedText, typedTextLimit } from './mergeTypedText'

type JsonRecord = Record<string, unknown>

/**
 * How long a record's values are kept to find the one a remote writer started from. A writer
 * whose view of the record is older than this (a connection stalled that long) wins or loses as
 * a whole value. Kept by age, not by count: two people typing into one shot note several values
 * a frame, and a slow round trip outlasts any small count.
 */
const KEEP_VALUES_MS = 30_000
/** At most this many values per record, whatever their age (memory: a value is a whole record). */
const MAX_VALUES_PER_RECORD = 2_000
/** How far back the chain of values a remote writer went through is followed. */
const MAX_ORIGIN_STEPS = 1000

function itemKey(id: { client: number; clock: number }): string {
  return `${id.client}:${id.clock}`
}

/**
 * Each record is one whole value in the doc's `records` map, so an edit of one field of a record
 * can lose another person's edit of another field of it, in two ways:
 * - both write at the same moment: Yjs keeps one of the two whole values;
 * - one person's change lands while the other's is still in their store, waiting for the frame
 *   that writes it to the doc: the landed value replaces it.
 * Either way the lost keystrokes vanish, and typing on rebuilds the field from the lost state.
 *
 * This remembers, per record, the values its map entry held here in the last
 * {@link KEEP_VALUES_MS}, by Yjs item id — including a remote value this client then merged
 * over. A remote value's `origin` is the value its writer replaced, whose own `origin` the one
 * before, and so on: the first of those this client held is the last value both sides shared,
 * the base of a three-way merge with what this client holds (see {@link mergeConcurrentRecord}).
 * Between two people this keeps every change to different fields.
 *
 * With three or more, it cannot: a merge writes fields from its writer's own store, which are
 * off its origin chain, so a receiver's base can be older than the version of a field the merge
 * carries, and an older copy of someone's field then looks like a new change and wins (the
 * `it.fails` schedule in concurrentRecordEdits.test.ts). Telling them apart needs each field's
 * own history, i.e. fields stored as their own map entries (see docs/doc-layout.md).
 */
export class RecordEntryHistory {
  private readonly entries = new Map<string, { current: string; values: Map<string, JsonRecord> }>()
  /**
   * Every value noted, oldest first, across records: values older than KEEP_VALUES_MS are
   * dropped at the next note of any record, not only of their own (a drag of many shapes would
   * otherwise keep its values for as long as those shapes are not touched again).
   */
  private readonly noted: { id: string; key: string; at: number }[] = []
  private nextExpiring = 0

  constructor(
    private readonly map: Y.Map<unknown>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** How many values are kept, over all records (the current ones included). */
  get size(): number {
    let size = 0
    for (const entry of this.entries.values()) size += entry.values.size
    return size
  }

  /**
   * The last value of `id` that both this client and the writer of its current entry held (the
   * noted value itself when the entry has not changed, e.g. this client's own value won over a
   * concurrent one); undefined when that value is not known.
   */
  remoteBase(id: string): JsonRecord | undefined {
    const item = this.map._map.get(id)
    const known = this.entries.get(id)
    const store = this.map.doc?.store
    if (!item || item.deleted || !known || !store) return undefined
    if (itemKey(item.id) === known.current) return known.values.get(known.current)
    // Several remote values can arrive in one transaction: walk back to one this client held.
    let origin = item.origin
    for (let steps = 0; origin && steps < MAX_ORIGIN_STEPS; steps++) {
      const previous = Y.getItem(store, origin)
      // Yjs merges consecutive deleted values of one writer into one item: each clock in it
      // from `origin` down to its start was a value in the chain.
      const first = previous.id.clock
      for (let clock = origin.clock; clock >= first && steps < MAX_ORIGIN_STEPS; clock--, steps++) {
        const value = known.values.get(itemKey({ client: origin.client, clock }))
        if (value) return value
      }
      origin = previous instanceof Y.Item ? previous.origin : null
    }
    return undefined
  }

  /** Notes the current value of `id`'s entry; call after every transaction that touched it. */
  note(id: string): void {
    const item = this.map._map.get(id)
    if (!item || item.deleted) {
      this.entries.delete(id)
      return
    }
    const key = itemKey(item.id)
    let entry = this.entries.get(id)
    if (!entry) {
      entry = { current: key, values: new Map() }
      this.entries.set(id, entry)
    }
    entry.current = key
    if (entry.values.has(key)) return
    const now = this.now()
    entry.values.set(key, this.map.get(id) as JsonRecord)
    // Oldest first (insertion order); the current value is the newest, so it stays.
    if (entry.values.size > MAX_VALUES_PER_RECORD) entry.values.delete(entry.values.keys().next().value as string)
    this.noted.push({ id, key, at: now })
    this.dropExpired(now)
  }

  /** Drops every value noted more than KEEP_VALUES_MS ago that is no longer its record's current one. */
  private dropExpired(now: number): void {
    while (this.nextExpiring < this.noted.length && this.noted[this.nextExpiring]!.at < now - KEEP_VALUES_MS) {
      const { id, key } = this.noted[this.nextExpiring++]!
      const entry = this.entries.get(id)
      if (entry && entry.current !== key) entry.values.delete(key)
    }
    if (this.nextExpiring > 1024 && this.nextExpiring * 2 > this.noted.length) {
      this.noted.splice(0, this.nextExpiring)
      this.nextExpiring = 0
    }
  }
}

/**
 * Whether, where this client and the last other writer of record `id` typed at the same place in
 * one of its text fields, the other's text goes first: it does when their Yjs client id is the
 * lower. Every side orders such inserts by this one rule — the merge ({@link mergeConcurrentRecord})
 * and the caret carried through the other's edit alike — so both end with the same text and each
 * caret after its own typing. The other writer is the current entry's, or — when that is this
 * client's own (a merge it just wrote over theirs) — the first other one back along its origins.
 * False when nobody else wrote the record (nothing to order).
 */
export function othersTypeFirst(map: Y.Map<unknown>, id: string): boolean {
  const own = map.doc?.clientID
  const store = map.doc?.store
  let item: Y.Item | null = map._map.get(id) ?? null
  for (let steps = 0; item && store && steps < MAX_ORIGIN_STEPS; steps++) {
    if (item.id.client !== own) return own !== undefined && item.id.client < own
    const previous: unknown = item.origin ? Y.getItem(store, item.origin) : null
    item = previous instanceof Y.Item ? previous : null
  }
  return false
}

/**
 * Three-way merge of a record field by field (and `props` prop by prop): what `remote` changed
 * since `base` wins, everything else keeps the `local` value — except a text people type into
 * (a shot's title, action, dialogue; a scene's name, slugline, location) that both changed,
 * whose two edits are both kept when they touch different parts of it, or are inserts at one
 * place (see {@link mergeTypedText}; `remoteFirst` orders those, see {@link othersTypeFirst}).
 * Returns null when the result is `remote` itself (this client had no change of its own that
 * the remote write lost).
 */
export function mergeConcurrentRecord(base: JsonRecord, remote: TLRecord, local: TLRecord, remoteFirst: boolean): TLRecord | null {
  const r = remote as unknown as JsonRecord
  const l = local as unknown as JsonRecord
  const merged: JsonRecord = { ...r }
  let changed = false
  const take = (into: JsonRecord, key: string, baseValue: unknown, remoteValue: unknown, localValue: unknown, prop: boolean) => {
    if (isEqual(remoteValue, baseValue)) {
      if (isEqual(localValue, remoteValue)) return
      if (localValue === undefined) delete into[key]
      else into[key] = localValue
      changed = true
      return
    }
    // Both changed a field people type into (typing at once in one dialogue): keep both where they do not overlap.
    const limit = typedTextLimit(r, key, prop)
    if (limit === undefined || typeof baseValue !== 'string' || typeof remoteValue !== 'string' || typeof localValue !== 'string') return
    // Equal is not the same edit: both typed a space at one place, and both spaces stay.
    if (localValue === baseValue) return
    const text = mergeTypedText(baseValue, remoteValue, localValue, limit, remoteFirst)
    if (text === null || text === remoteValue) return
    into[key] = text
    changed = true
  }
  for (const key of new Set([...Object.keys(r), ...Object.keys(l)])) {
    if (key === 'props' || key === 'id' || key === 'typeName') continue
    take(merged, key, base[key], r[key], l[key], false)
  }
  const baseProps = (base.props ?? {}) as JsonRecord
  const remoteProps = r.props as JsonRecord | undefined
  const localProps = l.props as JsonRecord | undefined
  if (remoteProps && localProps) {
    const props: JsonRecord = { ...remoteProps }
    for (const key of new Set([...Object.keys(remoteProps), ...Object.keys(localProps)])) {
      take(props, key, baseProps[key], remoteProps[key], localProps[key], true)
    }
    merged.props = props
  }
  return changed ? (merged as unknown as TLRecord) : null
}
