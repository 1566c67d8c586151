import * as Y from 'yjs'
import { spliceBetween } from './textSplice'

/**
 * The fields people type into — a shot's title, action and dialogue (in its `props`), a scene's
 * name, slugline and location (on the record itself). In a board doc each lives as its own
 * `Y.Text` in the `fields` map, keyed `${recordId}/${field}`, and is stored `''` in the record
 * (see docs/doc-layout.md): two people typing into one field, or into different fields of one
 * record, then merge character by character, and no whole-record value carries a copy of them.
 */
export const TYPED_SHOT_PROPS = ['title', 'action', 'dialogue'] as const
export const TYPED_SCENE_FIELDS = ['name', 'slugline', 'location'] as const

export type TypedFieldPlace = { fields: readonly string[]; inProps: boolean }

const SHOT: TypedFieldPlace = { fields: TYPED_SHOT_PROPS, inProps: true }
const SCENE: TypedFieldPlace = { fields: TYPED_SCENE_FIELDS, inProps: false }

/** Which of this record's fields are typed fields, and where they sit; undefined for other records. */
export function typedFieldsOf(record: unknown): TypedFieldPlace | undefined {
  const r = record as { typeName?: unknown; type?: unknown } | null
  if (!r || typeof r !== 'object') return undefined
  if (r.typeName === 'shape' && r.type === 'shot') return SHOT
  if (r.typeName === 'scene') return SCENE
  return undefined
}

/** The `fields` key of one typed field of a record. */
export function fieldKey(id: string, field: string): string {
  return `${id}/${field}`
}

/** The value of `field` in `record` (a string, or undefined if it is missing or not a string). */
export function typedFieldValue(record: unknown, place: TypedFieldPlace, field: string): string | undefined {
  const holder = place.inProps ? (record as { props?: Record<string, unknown> }).props : (record as Record<string, unknown>)
  const value = holder?.[field]
  return typeof value === 'string' ? value : undefined
}

/** `record` with its typed fields replaced by `valueOf(field)` (fields it answers undefined for are left). */
export function withTypedFields<T>(record: T, place: TypedFieldPlace, valueOf: (field: string) => string | undefined): T {
  const r = record as Record<string, unknown>
  const holder = (place.inProps ? r.props : r) as Record<string, unknown> | undefined
  if (!holder || typeof holder !== 'object') return record
  let next: Record<string, unknown> | undefined
  for (const field of place.fields) {
    if (typeof holder[field] !== 'string') continue
    const value = valueOf(field)
    if (value === undefined || value === holder[field]) continue
    next ??= { ...holder }
    next[field] = value
  }
  if (!next) return record
  return (place.inProps ? { ...r, props: next } : next) as T
}

/** Replaces a Y.Text's content with `next` by editing only the part that differs. */
export function applyTextDiff(text: Y.Text, next: string): void {
  const { from, to, text: insert } = spliceBetween(text.toString(), next)
  if (to > from) text.delete(from, to - from)
  if (insert) text.insert(from, insert)
}

/**
 * Writes one writer's own edit of a text — from `own`, the value this writer last had, to
 * `next` — into `text`, whatever others changed in it meanwhile. The edit is taken as one
 * replaced stretch of `own` and placed where that stretch now is; where others changed the
 * same stretch, their text is kept and this writer's goes after it. Never writes back a part
 * of `own` that this writer did not change: an older copy of someone else's typing in `own`
 * cannot undo their later edit.
 */
export function applyOwnTextEdit(text: Y.Text, own: string, next: string): void {
  if (own === next) return
  const current = text.toString()
  if (current === own) return applyTextDiff(text, next)
  const mine = spliceBetween(own, next)
  const theirs = spliceBetween(own, current)
  const shift = theirs.text.length - (theirs.to - theirs.from)
  const afterTheirs = theirs.from + theirs.text.length
  // A position of `own` in `current`: before their stretch it stays, after it it moves by
  // their change, inside it it goes to the edge of their text (after it for the start of
  // this edit, before for its end, so nothing of theirs is deleted).
  const start = mine.from < theirs.from || (mine.from === theirs.from && mine.from < theirs.to) ? mine.from : mine.from >= theirs.to ? mine.from + shift : afterTheirs
  const rawEnd = mine.to <= theirs.from ? mine.to : mine.to >= theirs.to ? mine.to + shift : theirs.from
  const end = Math.max(start, rawEnd)
  if (end > start) text.delete(start, end - start)
  if (mine.text) text.insert(start, mine.text)
}
