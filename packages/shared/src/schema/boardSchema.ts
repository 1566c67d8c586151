import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema'
import type { TLRecord, TLSchema } from '@tldraw/tlschema'
import { isBoardMediaUrl } from '../storyboard/validators'
import {
  storyboardBindingSchemas,
  storyboardRecordSchemas,
  storyboardShapeSchemas,
} from '../storyboard/storyboardSchemas'

/**
 * The one tldraw schema every Storyloom board uses: tldraw's default shapes and bindings plus
 * Storyloom's own. The canvas builds its store from it and the server validates and migrates
 * every record against it, so a client can never write what the server would not accept.
 */
export const boardSchema: TLSchema = createTLSchema({
  shapes: { ...defaultShapeSchemas, ...storyboardShapeSchemas },
  bindings: { ...defaultBindingSchemas, ...storyboardBindingSchemas },
  records: storyboardRecordSchemas,
})

/** Record types that belong in the shared doc (not per-session ones such as camera or pointer). */
export function isDocumentRecordType(typeName: string): boolean {
  const type = (boardSchema.types as Record<string, { scope: string } | undefined>)[typeName]
  return type?.scope === 'document'
}

/** Why a record was refused, as a short sentence a user could read. */
export type RecordProblem = { id: string; reason: string }

/**
 * Validates one record against the board schema, returning the validated record or the
 * reason it is invalid. `before` enables tldraw's update-aware validators.
 */
export function validateBoardRecord(
  record: unknown,
  before: TLRecord | null,
): { ok: true; record: TLRecord } | { ok: false; reason: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { ok: false, reason: 'record is not an object' }
  }
  const { typeName, id } = record as { typeName?: unknown; id?: unknown }
  if (typeof typeName !== 'string' || typeof id !== 'string') {
    return { ok: false, reason: 'record has no id or typeName' }
  }
  if (!isDocumentRecordType(typeName)) {
    return { ok: false, reason: `record type "${typeName}" cannot be stored in a board` }
  }
  if (!id.startsWith(`${typeName}:`)) {
    return { ok: false, reason: `record id "${id}" does not match its type "${typeName}"` }
  }
  if (typeName === 'asset') {
    const problem = assetSourceProblem(record)
    if (problem) return { ok: false, reason: problem }
  }
  try {
    const type = (boardSchema.types as Record<string, { validate(r: unknown, b?: unknown): TLRecord }>)[typeName]!
    return { ok: true, record: type.validate(record, before ?? undefined) }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Asset records may only point at the board's asset store or at an http(s) URL. Inline data
 * (`data:` / `blob:` URLs) would put megabytes of base64 into the shared doc and can make a
 * board impossible to load.
 */
function assetSourceProblem(record: object): string | undefined {
  const src = (record as { props?: { src?: unknown } }).props?.src
  if (src === null || src === undefined) return undefined
  if (typeof src !== 'string') return 'asset src must be a string'
  // tldraw creates an asset with an empty src while its file uploads.
  if (src === '') return undefined
  if (isBoardMediaUrl(src)) return undefined
  return 'asset src must be an uploaded asset URL, not inline data; upload the file instead'
}
