import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createShapeId } from '@tldraw/tlschema'
import type { TLParentId, TLRecord } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { putRecords, readAllRecords, readRecord } from '../doc/boardDoc'
import { createScene, createSceneId } from './sceneRecord'
import type { SceneRecord } from './sceneRecord'
import { buildSequence, insertShot, newShotPlacement, placeScene, placeShots, sequenceShotOf } from './sequence'
import type { SceneOrderUpdate, ShotOrderUpdate, ShotPlacement } from './sequence'
import { createShotShape } from './shotShape'
import type { TLShotShape } from './shotShape'

/**
 * Reorders made at the same time by different people, each on their own copy of the board
 * (a Y.Doc, as in the app), then synced: every copy must end with the same order.
 */

const page = 'page:page' as TLParentId

class Replica {
  readonly doc = new Y.Doc()

  records(): TLRecord[] {
    return readAllRecords(this.doc)
  }

  sequence() {
    const records = this.records()
    const scenes = records.filter((r): r is SceneRecord => r.typeName === 'scene')
    const shots = records.filter((r): r is TLShotShape => r.typeName === 'shape' && r.type === 'shot')
    return buildSequence(scenes, shots.map(sequenceShotOf))
  }

  order(): string[] {
    return this.sequence().entries.map((e) => e.shot.id)
  }

  put(records: TLRecord[]) {
    this.doc.transact(() => putRecords(this.doc, records))
  }

  applyShotUpdates(updates: ShotOrderUpdate[]) {
    this.put(
      updates.map((u) => {
        const shape = readRecord(this.doc, u.id) as TLShotShape
        return { ...shape, props: { ...shape.props, sceneId: u.sceneId as SceneRecord['id'] | null, order: u.order } }
      }),
    )
  }

  applySceneUpdates(updates: SceneOrderUpdate[]) {
    this.put(updates.map((u) => ({ ...(readRecord(this.doc, u.id) as SceneRecord), order: u.order })))
  }

  move(ids: string[], placement: ShotPlacement) {
    this.applyShotUpdates(placeShots(this.sequence(), ids, placement))
  }

  addShot(id: string, placement: ShotPlacement) {
    const { sceneId, order, rekeyed } = insertShot(this.sequence(), placement)
    this.applyShotUpdates(rekeyed)
    const shape = createShotShape({
      id: createShapeId(id),
      parentId: page,
      index: 'a1' as IndexKey,
      props: { sceneId: sceneId as SceneRecord['id'] | null, order },
    })
    this.put([shape])
  }
}

function sync(...replicas: Replica[]) {
  for (const a of replicas) for (const b of replicas) if (a !== b) Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc))
}

function seededBoard(...replicas: Replica[]) {
  const [first] = replicas
  const s1 = createScene({ id: createSceneId('1'), order: 'a1' as IndexKey })
  const s2 = createScene({ id: createSceneId('2'), order: 'a2' as IndexKey })
  const shots = ['a', 'b', 'c', 'd', 'e'].map((name, i) =>
    createShotShape({
      id: createShapeId(name),
      parentId: page,
      index: 'a1' as IndexKey,
      props: { sceneId: i < 3 ? s1.id : s2.id, order: `a${i + 1}` as IndexKey },
    }),
  )
  first!.put([s1, s2, ...shots])
  sync(...replicas)
}

/** Small deterministic PRNG (mulberry32) so a failing run can be replayed. */
function random(seed: number) {
  let t = seed
  return () => {
    t = (t + 0x6d2b79f5) | 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296
  }
}

describe('concurrent reorders', () => {
  it('two people moving different shots into the same gap end with one order', () => {
    const anna = new Replica()
    const ben = new Replica()
    seededBoard(anna, ben)
    anna.move(['shape:e'], { after: 'shape:a' })
    ben.move(['shape:d'], { after: 'shape:a' })
    expect(anna.order().slice(0, 2)).toEqual(['shape:a', 'shape:e'])
    expect(ben.order().slice(0, 2)).toEqual(['shape:a', 'shape:d'])
    sync(anna, ben)
    expect(anna.order()).toEqual(ben.order())
    expect(new Set(anna.order())).toEqual(new Set(['shape:a', 'shape:b', 'shape:c', 'shape:d', 'shape:e']))
    expect(anna.order().slice(0, 3).sort()).toEqual(['shape:a', 'shape:d', 'shape:e'])
  })

  it('two people moving the same shot to different places end with one of the two', () => {
    const anna = new Replica()
    const ben = new Replica()
    seededBoard(anna, ben)
    anna.move(['shape:c'], { sceneId: createSceneId('2'), at: 'end' })
    ben.move(['shape:c'], { before: 'shape:a' })
    const annaView = anna.order()
    const benView = ben.order()
    sync(anna, ben)
    expect(anna.order()).toEqual(ben.order())
    expect([annaView, benView]).toContainEqual(anna.order())
  })

  it('shots inserted concurrently at the same place both stay, and a later insert fits between them', () => {
    const anna = new Replica()
    const ben = new Replica()
    seededBoard(anna, ben)
    anna.addShot('anna-new', { after: 'shape:a' })
    ben.addShot('ben-new', { after: 'shape:a' })
    sync(anna, ben)
    const order = anna.order()
    expect(order).toEqual(ben.order())
    expect(order.slice(1, 3).sort()).toEqual(['shape:anna-new', 'shape:ben-new'])
    // Squeezing a shot between the two (whose keys may tie) still lands exactly there.
    const [first] = order.slice(1, 2)
    anna.addShot('between', { after: first! })
    expect(anna.order()[2]).toBe('shape:between')
    sync(anna, ben)
    expect(ben.order()).toEqual(anna.order())
  })

  it('random concurrent edits by three people always converge', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed)
      const pick = <X>(list: readonly X[]): X => list[Math.floor(next() * list.length)]!
      const people = [new Replica(), new Replica(), new Replica()]
      seededBoard(...people)
      let created = 0
      for (let step = 0; step < 60; step++) {
        const who = pick(people)
        const sequence = who.sequence()
        const ids = sequence.entries.map((e) => e.shot.id)
        const roll = next()
        if (roll < 0.55) {
          const moving = [pick(ids), ...(next() < 0.3 ? [pick(ids)] : [])]
          const target = pick(ids)
          const placement: ShotPlacement = next() < 0.5 ? { after: target } : { before: target }
          who.move(moving, placement)
          // The mover sees exactly what they asked for, ties or not.
          const order = who.order()
          const movedInOrder = order.filter((id) => moving.includes(id))
          const at = order.indexOf(movedInOrder[0]!)
          expect(order.slice(at, at + movedInOrder.length)).toEqual(movedInOrder)
          if (!moving.includes(target)) {
            expect(order[at + ('after' in placement ? -1 : movedInOrder.length)]).toBe(target)
          }
        } else if (roll < 0.85) {
          who.addShot(`new-${seed}-${created++}`, newShotPlacement(sequence, pick(ids)))
        } else {
          const sceneIds = sequence.scenes.map((s) => s.id)
          who.applySceneUpdates(placeScene(sequence.scenes, pick(sceneIds), { at: next() < 0.5 ? 'start' : 'end' }))
        }
        if (next() < 0.25) sync(pick(people), pick(people))
      }
      sync(...people)
      const [first, ...rest] = people.map((p) => p.order())
      for (const other of rest) expect(other).toEqual(first)
      expect(first).toHaveLength(5 + created)
      for (const entry of people[0]!.sequence().entries) expect(T.indexKey.isValid(entry.shot.order)).toBe(true)
    }
  })
})
