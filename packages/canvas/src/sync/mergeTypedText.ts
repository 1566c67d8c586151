import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import { spliceBetween } from './textSplice'

/** The fields people type into, by where they sit: a shot's props, a scene's own fields; with their limits. */
const TYPED_SHOT_PROPS: Readonly<Record<string, number>> = { title: MAX_TITLE_LENGTH, action: MAX_TEXT_LENGTH, dialogue: MAX_TEXT_LENGTH }
const TYPED_SCENE_FIELDS: Readonly<Record<string, number>> = { name: MAX_TITLE_LENGTH, slugline: MAX_TITLE_LENGTH, location: MAX_TITLE_LENGTH }

/**
 * The length limit of a typed text field of this record (`prop` true for a key of its `props`),
 * or undefined when the field is not one people type into — an order key or an id is a string
 * too, and must never be spliced.
 */
export function typedTextLimit(record: { typeName?: unknown; type?: unknown }, key: string, prop: boolean): number | undefined {
  if (prop) return record.typeName === 'shape' && record.type === 'shot' ? TYPED_SHOT_PROPS[key] : undefined
  return record.typeName === 'scene' ? TYPED_SCENE_FIELDS[key] : undefined
}

/**
 * Both people changed one typed field since `base`: each change taken as one replaced stretch,
 * the two are applied together when they touch different parts of the text. Two inserts at one
 * place (both typing at the same spot, even the same character) are both kept, in an order both
 * sides agree on: `remoteFirst` says whether the remote writer's goes first (see
 * `othersTypeFirst`, which carets follow too, so each person's caret stays after their own text).
 * Returns null when they overlap or the result would be longer than `limit`: then the caller
 * keeps `remote`, as for any other field.
 */
export function mergeTypedText(base: string, remote: string, local: string, limit: number, remoteFirst: boolean): string | null {
  const r = spliceBetween(base, remote)
  const l = spliceBetween(base, local)
  // In text order; of two changes starting at one place, an insert before a replacement (which
  // would overlap it otherwise), and of two inserts, the one of the writer that goes first.
  const rFirst = r.from !== l.from ? r.from < l.from : r.to !== l.to ? r.to < l.to : remoteFirst
  const [first, second] = rFirst ? [r, l] : [l, r]
  if (first.to > second.from) return null
  const merged = base.slice(0, first.from) + first.text + base.slice(first.to, second.from) + second.text + base.slice(second.to)
  return merged.length <= limit ? merged : null
}
