import * as Y from 'yjs'
import type { TLRecord } from '@tldraw/tlschema'
import type { SerializedSchema } from '@tldraw/store'
import { applyOwnTextEdit, applyTextDiff, fieldKey, typedFieldValue, typedFieldsOf, withTypedFields } from './typedFields'

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
 * - `fields`: the fields people type into (a shot's title, action, dialogue; a scene's name,
 *   slugline, location) as Y.Text, keyed `${recordId}/${field}` (see typedFields.ts); stored
 *   empty in `records`. Each writer writes only its own edits of them, so concurrent typing
 *   merges character by character and no whole-record value carries a copy of anyone's text.
 *   A record without its field texts (a doc saved before they existed) is read from its own
 *   values; the server rewrites such records when it opens the board.
 * - `meta`: board-level values; `schema` holds the serialized tldraw schema of the records.
 */
export const RECORDS = 'records'
export const PATHS = 'paths'
export const FIELDS = 'fields'
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
export function fieldsMap(doc: Y.Doc): Y.Map<Y.Text> {
  return doc.getMap<Y.Text>(FIELDS)
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

/** The record id a `paths` or `fields` key belongs to. */
export function recordIdOfPathKey(key: string): string {
  return key.slice(0, key.lastIndexOf('/'))
}

/** The record as stored in `records`: growing paths and typed fields blanked out. */
function stripPaths(full: JsonRecord): JsonRecord {
  const place = typedFieldsOf(full)
  const record = place ? withTypedFields(full, place, () => '') : full
  const segments = segmentsOf(record)
  if (!segments || segments.every((s) => typeof s?.path !== 'string' || s.path === '')) return record
  const props = (record as { props: Record<string, unknown> }).props
  return {
    ...record,
    props: { ...props, segments: segments.map((s) => (typeof s?.path === 'string' ? { ...s, path: '' } : s)) },
  } as JsonRecord
}

/** Reads one record, reassembled from `records`, `fields` and `paths`. */
export function readRecord(doc: Y.Doc, id: string): TLRecord | undefined {
  const inRecords = recordsMap(doc).get(id)
  if (inRecords === undefined) return undefined
  const place = typedFieldsOf(inRecords)
  let stored = inRecords
  if (place) {
    const fields = fieldsMap(doc)
    // A field with no text of its own (a doc saved before fields had them) keeps its value.
    stored = withTypedFields(inRecords, place, (field) => {
      const text: unknown = fields.get(fieldKey(id, field))
      return text instanceof Y.Text ? text.toString() : undefined
    })
  }
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
 * The value of a typed field this writer last had (what its own edit is measured from), or
 * undefined to take the doc's current text as that value.
 */
export type OwnFieldValue = (id: string, field: string) => string | undefined

/**
 * Writes records into the doc. Must run inside a transaction (`doc.transact`) so that one
 * batch of changes is one update. Writes nothing for values that are already equal, and
 * writes growing paths and typed fields as text diffs.
 *
 * A typed field is written as the edit from `ownValue(id, field)` — the value the writer last
 * had — to the record's value, placed in the doc's text as it is now (see `applyOwnTextEdit`).
 * Without `ownValue` (the server: migrations, reverts, results) the doc's text is set to the
 * record's value. A client must pass it: diffed against the doc's current text, a value from
 * its store that missed someone's concurrent edit would undo that edit.
 */
export function putRecords(doc: Y.Doc, records: Iterable<TLRecord>, ownValue?: OwnFieldValue): void {
  const map = recordsMap(doc)
  const paths = pathsMap(doc)
  for (const record of records) {
    const id = record.id
    const full = record as JsonRecord
    const stripped = stripPaths(full)
    const existing = map.get(id)
    if (existing === undefined || !sameJson(existing, stripped)) map.set(id, stripped)
    putTypedFields(doc, id, full, ownValue)
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

/**
 * Writes a record's typed fields to their texts. Every text is made when its record is first
 * written, even empty: two people starting to type into one empty field must edit one text,
 * not each make their own (one of two concurrent map values is dropped, with its text).
 */
function putTypedFields(doc: Y.Doc, id: string, full: JsonRecord, ownValue: OwnFieldValue | undefined): void {
  const place = typedFieldsOf(full)
  if (!place) return
  const fields = fieldsMap(doc)
  for (const field of place.fields) {
    const next = typedFieldValue(full, place, field)
    if (next === undefined) continue
    const key = fieldKey(id, field)
    const text: unknown = fields.get(key)
    if (!(text instanceof Y.Text)) {
      const made = new Y.Text()
      fields.set(key, made)
      if (next) made.insert(0, next)
      continue
    }
    const own = ownValue?.(id, field)
    if (own === undefined) applyTextDiff(text, next)
    else applyOwnTextEdit(text, own, next)
  }
}

/** Removes records (and their paths and field texts) from the doc. Must run inside a transaction. */
export function removeRecords(doc: Y.Doc, ids: Iterable<string>): void {
  const map = recordsMap(doc)
  const paths = pathsMap(doc)
  const fields = fieldsMap(doc)
  for (const id of ids) {
    const existing = map.get(id)
    if (existing === undefined) continue
    const count = segmentsOf(existing)?.length ?? 0
    for (let i = 0; i < count; i++) paths.delete(pathKey(id, i))
    for (const field of typedFieldsOf(existing)?.fields ?? []) fields.delete(fieldKey(id, field))
    map.delete(id)
  }
}

/**
 * Whether the record `id` is still stored as before field texts existed — a typed field held
 * in the record itself (not blank) or without its text — and needs `putRecords` (without
 * `ownValue`) to rewrite it in the current layout. The server does that when it opens a board.
 */
export function needsFieldTexts(doc: Y.Doc, id: string): boolean {
  const stored = recordsMap(doc).get(id)
  const place = typedFieldsOf(stored)
  if (!place) return false
  const fields = fieldsMap(doc)
  return place.fields.some((field) => {
    const inline = typedFieldValue(stored, place, field)
    return inline !== undefined && (inline !== '' || !(fields.get(fieldKey(id, field)) instanceof Y.Text))
  })
}

/**
 * The record `id` as a client from before typed-field texts wrote it — the whole record, typed
 * fields inside — or undefined if it holds no such field (`needsFieldTexts` is false). A typed
 * field with a value inside the record is read from there, over its text: that client's write
 * is a whole value, made from what it showed. A blank one is read from its text, as every
 * current record holds them blank (so such a client cannot clear a field; see doc-layout.md).
 */
export function readOldLayoutRecord(doc: Y.Doc, id: string): TLRecord | undefined {
  if (!needsFieldTexts(doc, id)) return undefined
  const stored = recordsMap(doc).get(id)
  const place = typedFieldsOf(stored)
  const record = readRecord(doc, id)
  if (!place || record === undefined) return record
  return withTypedFields(record, place, (field) => typedFieldValue(stored, place, field) || undefined)
}

/** True if one of the record's typed fields has a `fields` entry that is not a Y.Text. */
export function hasNonTextField(doc: Y.Doc, id: string): boolean {
  const place = typedFieldsOf(recordsMap(doc).get(id))
  if (!place) return false
  const fields = fieldsMap(doc)
  return place.fields.some((field) => {
    const value: unknown = fields.get(fieldKey(id, field))
    return value !== undefined && !(value instanceof Y.Text)
  })
}

/**
 * Ids of the records a transaction touched, from the transaction's `changedParentTypes` or
 * an `afterTransaction` callback. Works for the top-level maps and the nested path and field texts.
 */
export function changedRecordIds(doc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const ids = new Set<string>()
  // Compared as plain types: `transaction.changed` is keyed by AbstractType.
  const records: unknown = recordsMap(doc)
  const paths: unknown = pathsMap(doc)
  const fields: unknown = fieldsMap(doc)
  for (const [type, keys] of transaction.changed) {
    if (type === records) {
      for (const key of keys) if (key !== null) ids.add(key)
    } else if (type === paths || type === fields) {
      for (const key of keys) if (key !== null) ids.add(recordIdOfPathKey(key))
    } else if (type instanceof Y.Text && (type.parent === paths || type.parent === fields)) {
      const key = type._item?.parentSub
      if (key) ids.add(recordIdOfPathKey(key))
    }
  }
  return ids
}
