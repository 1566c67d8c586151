import * as Y from 'yjs'
import { changedRecordIds } from '@storyloom/shared/doc/boardDoc'
import type { RecordProblem } from '@storyloom/shared/schema/boardSchema'
import { applyRepair, type RecordGuard } from './recordGuard'

/** A change the server tried to make would have left invalid records; it was undone. */
export class ServerChangeRefusedError extends Error {
  override readonly name = 'ServerChangeRefusedError'
  constructor(readonly problems: RecordProblem[]) {
    super(`the change was refused: ${problems.map((p) => `${p.id}: ${p.reason}`).join('; ')}`)
  }
}

/**
 * Runs `change` as one transaction with `origin` and checks the records it touched with the
 * room's guard, exactly as a client write is checked (so the guard's last-valid state follows
 * the change). If anything is invalid the change is undone in a second transaction and
 * {@link ServerChangeRefusedError} is thrown. The meta map is the server's own and not checked.
 */
export function applyCheckedServerChange(doc: Y.Doc, guard: RecordGuard, origin: unknown, change: (doc: Y.Doc) => void): void {
  const touched = new Set<string>()
  const collect = (transaction: Y.Transaction) => {
    if (transaction.origin === origin) for (const id of changedRecordIds(doc, transaction)) touched.add(id)
  }
  doc.on('afterTransaction', collect)
  try {
    doc.transact(() => change(doc), origin)
  } finally {
    doc.off('afterTransaction', collect)
  }
  const repair = guard.check(doc, touched, [])
  if (!repair) return
  // Meta is written by the server itself; only record problems are undone.
  repair.restoreMeta = []
  doc.transact(() => applyRepair(doc, repair), origin)
  if (repair.problems.length > 0) throw new ServerChangeRefusedError(repair.problems)
}
