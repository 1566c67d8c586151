/**
 * What the server does to a board doc when it opens it, before any client sees it: seed a new
 * board, migrate records written with an older schema, drop records that no longer validate,
 * clean reviewer names on review badges saved before today's rules, and refuse docs written by a
 * newer Storyloom. See docs/doc-layout.md.
 */
import type * as Y from 'yjs'
import {
  META_SCHEMA,
  metaMap,
  putRecords,
  readDocSchema,
  readRecord,
  recordsMap,
} from '@storyloom/shared/doc/boardDoc'
import { cleanStoredReviewerNames } from '@storyloom/shared/review/reviewDoc'
import {
  boardSchema,
  isDocumentRecordType,
  validateBoardRecord,
  type RecordProblem,
} from '@storyloom/shared/schema/boardSchema'
import { applyRepair, DOCUMENT_RECORD_ID, type BoardRecord } from './recordGuard'

type SerializedSchema = NonNullable<ReturnType<typeof readDocSchema>>

/** How a stored schema relates to the server's. */
export type SchemaRelation = 'same' | 'older' | 'newer'

/** A doc whose records could not be migrated to the current schema. */
export class BoardMigrationError extends Error {
  constructor(reason: string) {
    super(`board records could not be migrated: ${reason}`)
    this.name = 'BoardMigrationError'
  }
}

/**
 * Compares a stored schema with the current one. A stored schema that knows a migration
 * sequence we don't, or is further along one, was written by a newer Storyloom.
 */
export function compareSchema(stored: SerializedSchema, current = boardSchema.serialize()): SchemaRelation {
  if (stored.schemaVersion !== 2) return stored.schemaVersion > 2 ? 'newer' : 'older'
  let older = false
  for (const [sequence, version] of Object.entries(stored.sequences)) {
    const ours = current.sequences[sequence]
    if (ours === undefined || version > ours) return 'newer'
    if (version < ours) older = true
  }
  for (const sequence of Object.keys(current.sequences)) {
    if (stored.sequences[sequence] === undefined) older = true
  }
  return older ? 'older' : 'same'
}

/**
 * The records a fresh board starts with: tldraw's document record and one page, with tldraw's
 * own default ids (`document:document`, `page:page`) so even a doc seeded twice has one page.
 */
export function seedRecords(): BoardRecord[] {
  const { document, page } = boardSchema.types
  return [
    document.create({ id: document.createId('document') }),
    page.create({
      id: page.createId('page'),
      name: 'Page 1',
      index: 'a1' as Parameters<typeof page.create>[0]['index'],
    }),
  ]
}

/** What opening a doc did. */
export type PreparedBoard =
  | { kind: 'newerSchema' }
  | {
      kind: 'ready'
      /** Every record in the doc, validated. */
      records: BoardRecord[]
      seeded: boolean
      migrated: boolean
      /** Records that failed validation on open and were removed. */
      dropped: RecordProblem[]
    }

/** Reads every record, setting aside entries that are not records of a known type (migrations would throw on them). */
function readRecordsSafely(doc: Y.Doc): { records: BoardRecord[]; broken: RecordProblem[] } {
  const records: BoardRecord[] = []
  const broken: RecordProblem[] = []
  for (const id of recordsMap(doc).keys()) {
    let record: BoardRecord | undefined
    try {
      record = readRecord(doc, id)
    } catch {
      record = undefined
    }
    const typeName = (record as { typeName?: unknown } | undefined)?.typeName
    if (record !== undefined && typeof typeName === 'string' && isDocumentRecordType(typeName)) records.push(record)
    else broken.push({ id, reason: 'not a board record' })
  }
  return { records, broken }
}

/**
 * Brings a freshly loaded doc up to date, writing in ONE transaction with `origin` (so the room
 * persists it as one update): seeds a doc without `meta.schema`, migrates an older one, removes
 * records that do not validate, re-creates the document record or a page if missing, and cleans
 * reviewer names on review badges (see cleanStoredReviewerNames).
 * A doc written with a newer schema is left untouched. Throws `BoardMigrationError` if the
 * migrations fail.
 */
export function prepareBoardDoc(doc: Y.Doc, origin: unknown): PreparedBoard {
  const stored = readDocSchema(doc)
  const current = boardSchema.serialize()
  const relation = stored === undefined ? 'same' : compareSchema(stored, current)
  if (relation === 'newer') return { kind: 'newerSchema' }

  const { records: found, broken } = readRecordsSafely(doc)
  let records = found
  const dropped: RecordProblem[] = [...broken]
  if (relation === 'older' && stored !== undefined) {
    const before = Object.fromEntries(found.map((r) => [r.id, r]))
    const result = boardSchema.migrateStoreSnapshot({ store: before as never, schema: stored })
    if (result.type === 'error') throw new BoardMigrationError(result.reason)
    const after = result.value as Record<string, BoardRecord>
    records = Object.values(after)
    for (const id of Object.keys(before)) {
      if (!(id in after)) dropped.push({ id, reason: 'removed by a schema migration' })
    }
  }

  const valid: BoardRecord[] = []
  for (const record of records) {
    const result = validateBoardRecord(record, null)
    if (result.ok) valid.push(result.record)
    else dropped.push({ id: record.id, reason: result.reason })
  }
  const missing = seedRecords().filter((seed) =>
    seed.typeName === 'page'
      ? !valid.some((r) => r.typeName === 'page')
      : !valid.some((r) => r.id === DOCUMENT_RECORD_ID),
  )

  doc.transact(() => {
    if (dropped.length > 0) applyRepair(doc, { problems: dropped, restore: [], remove: dropped.map((p) => p.id), restoreMeta: [] })
    // putRecords writes only what differs: migrated records and missing seeds.
    putRecords(doc, relation === 'older' ? [...valid, ...missing] : missing)
    if (relation !== 'same' || stored === undefined) metaMap(doc).set(META_SCHEMA, current)
    cleanStoredReviewerNames(doc)
  }, origin)

  return { kind: 'ready', records: [...valid, ...missing], seeded: stored === undefined, migrated: relation === 'older', dropped }
}
