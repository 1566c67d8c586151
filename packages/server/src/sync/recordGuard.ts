/**
 * The server's authority over a board's content: the last valid state of every record, the check
 * of each client transaction against the board schema, and the repair that undoes what failed.
 */
import * as Y from 'yjs'
import {
  metaMap,
  pathsMap,
  readRecord,
  recordIdOfPathKey,
  recordsMap,
  putRecords,
} from '@storyloom/shared/doc/boardDoc'
import { validateBoardRecord, type RecordProblem } from '@storyloom/shared/schema/boardSchema'
import { storyboardIntegrityProblem } from '@storyloom/shared/storyboard/storyboardIntegrity'

/** A tldraw record as the board doc stores it. */
export type BoardRecord = NonNullable<ReturnType<typeof readRecord>>

/** tldraw's single document record; every board has exactly one. */
export const DOCUMENT_RECORD_ID = 'document:document'

/** What a client transaction did wrong and how to undo it (in one server transaction). */
export type Repair = {
  /** What the writer is told; empty when the repair only tidies up (see `remove`). */
  problems: RecordProblem[]
  /** Records to put back to their last valid state. */
  restore: BoardRecord[]
  /**
   * Records that never had a valid state, and storyboard bindings left pointing at a shape the
   * transaction deleted (a reference pinned concurrently to a shot someone else deleted): remove them.
   */
  remove: string[]
  /** Meta keys to put back (`undefined`: delete). */
  restoreMeta: [key: string, value: unknown][]
}

function emptyRepair(): Repair {
  return { problems: [], restore: [], remove: [], restoreMeta: [] }
}

/** Adds a rejected record to `repair` (made if needed): put back to `previous`, or removed. */
function reject(repair: Repair | undefined, id: string, reason: string, previous: BoardRecord | undefined): Repair {
  repair ??= emptyRepair()
  repair.problems.push({ id, reason })
  if (previous) repair.restore.push(previous)
  else repair.remove.push(id)
  return repair
}

function segmentCount(stored: unknown): number {
  const segments = (stored as { props?: { segments?: unknown } } | null)?.props?.segments
  return Array.isArray(segments) ? segments.length : 0
}

/** True if one of the record's segment paths is present but is not a Y.Text (clients would crash on it). */
function hasNonTextPath(doc: Y.Doc, id: string): boolean {
  const paths = pathsMap(doc)
  const count = segmentCount(recordsMap(doc).get(id))
  for (let i = 0; i < count; i++) {
    const value: unknown = paths.get(`${id}/${i}`)
    if (value !== undefined && !(value instanceof Y.Text)) return true
  }
  return false
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Holds the materialized last-valid records of one board and checks client transactions
 * against them. Only touched records are validated, with the previous valid version as
 * tldraw's "known good" value, so a check costs microseconds per record.
 */
export class RecordGuard {
  private readonly valid = new Map<string, BoardRecord>()
  private readonly pageIds = new Set<string>()
  private readonly meta = new Map<string, unknown>()
  /** For the cross-record rules. Made once: check() runs per client write, and allocates no closure. */
  private readonly lookup = (recordId: string): BoardRecord | undefined => this.valid.get(recordId)

  /** `records` must already be valid (see `prepareBoardDoc`); `doc`'s meta is the server's. */
  constructor(doc: Y.Doc, records: Iterable<BoardRecord>) {
    for (const record of records) this.accept(record)
    for (const [key, value] of metaMap(doc).entries()) this.meta.set(key, value)
  }

  /** Number of valid records. */
  get size(): number {
    return this.valid.size
  }

  private accept(record: BoardRecord): void {
    this.valid.set(record.id, record)
    if (record.typeName === 'page') this.pageIds.add(record.id)
  }

  private forget(id: string): void {
    this.valid.delete(id)
    this.pageIds.delete(id)
  }

  /**
   * Checks the records (and meta keys) a client transaction touched, accepting the valid ones
   * into the materialized state. Returns the repair to apply, or undefined if all is valid.
   */
  check(doc: Y.Doc, recordIds: Iterable<string>, metaKeys: Iterable<string>): Repair | undefined {
    let repair: Repair | undefined
    const removedPages: BoardRecord[] = []
    // What each accepted record was before this batch, for undoing a cross-record violation.
    const accepted = new Map<string, BoardRecord | undefined>()
    const removedShapes = new Set<string>()

    for (const id of recordIds) {
      const previous = this.valid.get(id)
      let current: BoardRecord | undefined
      try {
        current = readRecord(doc, id)
      } catch {
        repair = reject(repair, id, 'record is not an object', previous)
        continue
      }
      if (current === undefined) {
        if (previous === undefined) continue
        if (id === DOCUMENT_RECORD_ID) {
          repair = reject(repair, id, 'the document record cannot be deleted', previous)
        } else {
          if (previous.typeName === 'page') removedPages.push(previous)
          if (previous.typeName === 'shape') removedShapes.add(id)
          this.forget(id)
        }
        continue
      }
      const result = validateBoardRecord(current, previous ?? null)
      if (!result.ok) repair = reject(repair, id, result.reason, previous)
      else if (result.record.id !== id) repair = reject(repair, id, `record stored under "${id}" has id "${result.record.id}"`, previous)
      else if (hasNonTextPath(doc, id)) repair = reject(repair, id, 'segment paths must be text', previous)
      else {
        this.accept(result.record)
        accepted.set(id, previous)
      }
    }

    // Cross-record rules (a reference or annotation needs a real shot), against the board as
    // it is after the whole batch, so a shot and its first annotation can arrive together.
    for (const [id, previous] of accepted) {
      const record = this.valid.get(id)!
      const problem = storyboardIntegrityProblem(record, this.lookup)
      if (problem === undefined) continue
      repair = reject(repair, id, problem, previous)
      if (previous) this.accept(previous)
      else this.forget(id)
    }
    if (removedShapes.size > 0) {
      for (const record of this.valid.values()) {
        if (record.typeName !== 'binding' || accepted.has(record.id)) continue
        const binding = record as BoardRecord & { fromId: string; toId: string }
        if (!removedShapes.has(binding.fromId) && !removedShapes.has(binding.toId)) continue
        if (storyboardIntegrityProblem(binding, this.lookup) === undefined) continue
        repair ??= emptyRepair()
        repair.remove.push(binding.id)
      }
      for (const id of repair?.remove ?? []) this.forget(id)
    }

    // tldraw needs a page to show; deleting the last one is undone like an invalid write.
    if (this.pageIds.size === 0) {
      for (const page of removedPages) {
        repair = reject(repair, page.id, 'a board must keep at least one page', page)
        this.accept(page)
      }
    }

    const currentMeta = metaMap(doc)
    for (const key of metaKeys) {
      const expected = this.meta.get(key)
      if (sameJson(currentMeta.get(key), expected)) continue
      repair ??= emptyRepair()
      repair.problems.push({ id: `meta/${key}`, reason: 'board metadata is written by the server only' })
      repair.restoreMeta.push([key, expected])
    }
    return repair
  }
}

/**
 * Applies a repair to the doc. Must run inside a (server-origin) transaction. Also drops any
 * path entries of the repaired records that are not Y.Text, so the repair itself cannot fail
 * on what the client wrote.
 */
export function applyRepair(doc: Y.Doc, repair: Repair): void {
  const records = recordsMap(doc)
  const paths = pathsMap(doc)
  const removed = new Set(repair.remove)
  const restored = new Map(repair.restore.map((r) => [r.id as string, segmentCount(r)]))
  if (removed.size > 0 || restored.size > 0) {
    for (const [key, value] of paths.entries()) {
      const id = recordIdOfPathKey(key)
      if (removed.has(id) || (restored.has(id) && !((value as unknown) instanceof Y.Text))) paths.delete(key)
    }
  }
  for (const id of removed) records.delete(id)
  if (repair.restore.length > 0) putRecords(doc, repair.restore)
  const meta = metaMap(doc)
  for (const [key, value] of repair.restoreMeta) {
    if (value === undefined) meta.delete(key)
    else meta.set(key, value)
  }
}
