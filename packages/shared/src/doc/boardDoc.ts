import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import type { SerializedSchema } from '@tldraw/store'

/**
 * How a board's tldraw records live in its Y.Doc (see docs/doc-layout.md).
 *
 * - `records`: Y.Map from record id to the record as plain JSON — one entry per record, so a
 *   change to one record never conflicts with a change to another, and last writer wins per
 *   record (as with tldraw's own sync).
 * - `paths`: the growing `props.segments[i].path` strings of freehand shapes (draw, highlight)
 *   live here as Y.Text, keyed `${shapeId}/${segmentIndex}`. In `records` those paths are
 *   stored empty. A stroke that grows by one point is then a tiny text insert instead of the
 *   whole record, which is what keeps drawing from resending the stroke at pointer rate.
 * - `meta`: board-level values; `schema` holds the serialized tldraw schema of the records.
 */
export const RECORDS = 'records'
export const PATHS = 'paths'
export const META = 'meta'
export const META_SCHEMA = 'schema'

type JsonRecord = TLRecord & Record<string, unknown>
type Segment = { path: string } & Record<string, unknown>

export function recordsMap(doc: Y.Doc): Y.Map<JsonRecord> {
  return doc.getMap<JsonRecord>(RECORDS)
}
export function pathsMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap<Y.Text>(PATHS)
}
export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META)
}

/** The serialized schema the doc's records were written with, if the doc has been seeded. */
export function readDocSchema(doc: Y.Doc): SerializedSchema | undefined {
  return metaMap(doc).get(META_SCHEMA) as SerializedSchema | undefined
}

function segmentsOf(record: unknown): Segment[] | undefined {
  const props = (record as { props?: { segments?: unknown } }).props
  const segments = props?.segments
  return Array.isArray(segments) ? (segments as Segment[]) : undefined
}

function pathKey(id: string, index: number): string {
  return `${id}/${index}`
}

/** The record id a `paths` key belongs to. */
export function recordIdOfPathKey(key: string): string {
  return key.slice(0, key.lastIndexOf('/'))
}

/** The record as stored in `records`: growing paths blanked out. */
function stripPaths(record: JsonRecord): JsonRecord {
  const segments = segmentsOf(record)
  if (!segments || segments.every((s) => typeof s?.path !== 'string' || s.path === '')) return record
  const props = (record as { props: Record<string, unknown> }).props
  return {
    ...record,
    props: { ...props, segments: segments.map((s) => (typeof s?.path === 'string' ? { ...s, path: '' } : s)) },
  } as JsonRecord
}

/** Reads one record, reassembled from `records` and `paths`. */
export function readRecord(doc: Y.Doc, id: string): TLRecord | undefined {
  const stored = recordsMap(doc).get(id)
  if (stored === undefined) return undefined
  const segments = segmentsOf(stored)
  if (!segments) return stored
  const paths = pathsMap(doc)
  const props = (stored as { props: Record<string, unknown> }).props
  return {
    ...stored,
    props: {
      ...props,
      segments: segments.map((s, i) => {
        const text = paths.get(pathKey(id, i))
        return text && typeof s?.path === 'string' ? { ...s, path: text.toString() } : s
      }),
    },
  } as TLRecord
}

/** Reads every record in the doc. */
export function readAllRecords(doc: Y.Doc): TLRecord[] {
  const out: TLRecord[] = []
  for (const id of recordsMap(doc).keys()) {
    const record = readRecord(doc, id)
    if (record) out.push(record)
  }
  return out
}

/** Replaces a Y.Text's content with `next` by editing only the part that differs. */
function applyTextDiff(text: Y.Text, next: string): void {
  const prev = text.toString()
  if (prev === next) return
  let start = 0
  const max = Math.min(prev.length, next.length)
  while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++
  let end = 0
  while (
    end < max - start &&
    prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++
  }
  const removeLen = prev.length - start - end
  if (removeLen > 0) text.delete(start, removeLen)
  const insert = next.slice(start, next.length - end)
  if (insert) text.insert(start, insert)
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (const k of ka) {
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}

/**
 * Writes records into the doc. Must run inside a transaction (`doc.transact`) so that one
 * batch of changes is one update. Writes nothing for values that are already equal, and
 * writes growing paths as text diffs.
 */
export function putRecords(doc: Y.Doc, records: Iterable<TLRecord>): void {
  const map = recordsMap(doc)
  const paths = pathsMap(doc)
  for (const record of records) {
    const id = record.id
    const full = record as JsonRecord
    const stripped = stripPaths(full)
    const existing = map.get(id)
    if (existing === undefined || !sameJson(existing, stripped)) map.set(id, stripped)
    const segments = segmentsOf(full) ?? []
    segments.forEach((segment, i) => {
      if (typeof segment?.path !== 'string') return
      const key = pathKey(id, i)
      let text = paths.get(key)
      if (!text) {
        if (segment.path === '') return
        text = new Y.Text()
        paths.set(key, text)
      }
      applyTextDiff(text, segment.path)
    })
    // Segments that no longer exist (e.g. after an erase) leave no orphaned text.
    const previousCount = existing ? (segmentsOf(existing)?.length ?? 0) : 0
    for (let i = segments.length; i < previousCount; i++) paths.delete(pathKey(id, i))
  }
}

/** Removes records (and their paths) from the doc. Must run inside a transaction. */
export function removeRecords(doc: Y.Doc, ids: Iterable<string>): void {
  const map = recordsMap(doc)
  const paths = pathsMap(doc)
  for (const id of ids) {
    const existing = map.get(id)
    if (existing === undefined) continue
    const count = segmentsOf(existing)?.length ?? 0
    for (let i = 0; i < count; i++) paths.delete(pathKey(id, i))
    map.delete(id)
  }
}

/**
 * Ids of the records a transaction touched, from the transaction's `changedParentTypes` or
 * an `afterTransaction` callback. Works for both top-level maps and nested path texts.
 */
export function changedRecordIds(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const ids = new Set<string>()
  // Compared as plain types: `transaction.changed` is keyed by AbstractType.
  const records: unknown = recordsMap(doc)
  const paths: unknown = pathsMap(doc)
  for (const [type, keys] of transaction.changed) {
    if (type === records) {
      for (const key of keys) if (key !== null) ids.add(key)
    } else if (type === paths) {
      for (const key of keys) if (key !== null) ids.add(recordIdOfPathKey(key))
    } else if (type instanceof Y.Text && type.parent === paths) {
      const key = type._item?.parentSub
      if (key) ids.add(recordIdOfPathKey(key))
    }
  }
  return ids
}
