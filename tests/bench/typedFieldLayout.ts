/**
 * In one process, the cost of typed fields as texts of their own (docs/doc-layout.md): a board of
 * 2,000 written shots (or, `MIX=1`, 500 shots and 1,500 rectangles, as the storyboard bench's
 * board) stored the old way (typed text inside each record value) and the current way. Prints
 * the update's size, the Yjs item count, decode time (alternated, median of 10) and heap per doc.
 * Run from tests/: `node --expose-gc --import tsx bench/typedFieldLayout.ts`.
 */
import * as Y from 'yjs'
import { putRecords, readAllRecords, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { rectangle, shot } from './support/records'

const N = 2000
const MIX = process.env.MIX === '1'
const shots = Array.from({ length: N }, (_, i) => (MIX && i % 4 !== 0 ? rectangle(`r${i}`, i * 10, 0) : shot(`r${i}`, i * 10, 0)))
console.log(MIX ? '500 shots + 1500 rectangles' : '2000 shots')
function oldLayout(): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => { for (const s of shots) recordsMap(doc).set(s.id, s as never) })
  return Y.encodeStateAsUpdate(doc)
}
function newLayout(): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => putRecords(doc, shots))
  return Y.encodeStateAsUpdate(doc)
}
function items(doc: Y.Doc): number {
  let n = 0
  for (const structs of doc.store.clients.values()) n += structs.length
  return n
}
const updates = { old: oldLayout(), new: newLayout() }
const gc = (globalThis as { gc?: () => void }).gc!
for (const k of ['old', 'new'] as const) {
  const d = new Y.Doc(); Y.applyUpdate(d, updates[k])
  console.log(k, 'update bytes', updates[k].length, 'items', items(d))
}
const times: Record<string, number[]> = { old: [], new: [] }
for (let round = 0; round < 10; round++) {
  for (const k of (round % 2 ? ['old', 'new'] : ['new', 'old']) as ('old' | 'new')[]) {
    const t = performance.now()
    const d = new Y.Doc(); Y.applyUpdate(d, updates[k]); readAllRecords(d)
    times[k]!.push(performance.now() - t)
  }
}
const dec: Record<string, number[]> = { old: [], new: [] }
for (let round = 0; round < 10; round++) {
  for (const k of (round % 2 ? ['old', 'new'] : ['new', 'old']) as ('old' | 'new')[]) {
    const t = performance.now()
    const d = new Y.Doc(); Y.applyUpdate(d, updates[k])
    dec[k]!.push(performance.now() - t)
  }
}
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!
console.log('decode only ms median of 10: old', med(dec.old!).toFixed(1), 'new', med(dec.new!).toFixed(1))
console.log('decode+readAll ms median of 10: old', med(times.old!).toFixed(1), 'new', med(times.new!).toFixed(1))
let held: Y.Doc[] = []
for (const k of ['old', 'new', 'old', 'new', 'old', 'new'] as const) {
  held = []
  gc(); gc()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < 10; i++) { const d = new Y.Doc(); Y.applyUpdate(d, updates[k]); held.push(d) }
  gc(); gc()
  const after = process.memoryUsage().heapUsed
  console.log(k, 'heap per doc MB', ((after - before) / 10 / 1e6).toFixed(2))
}
