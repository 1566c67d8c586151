import { describe, expect, it } from 'vitest'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { readRecord, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { createShotShape, type ShotShapeProps, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { caretThroughEdit } from '../storyboard/caretThroughEdit'
import { RecordEntryHistory, othersTypeFirst } from './concurrentRecordEdits'
import { PAGE_ID } from './testing/boardFixtures'
import { batchStoreListenersByFrame, endFrame } from './testing/frames'
import { RelayedClients, type RelayedClient } from './testing/relayedClients'

/**
 * Several people typing into different fields of one shot at once, through a simulated sync
 * server whose every message a test delivers itself (see RelayedClients): each must end with
 * exactly what they typed, on every screen and in every doc.
 */

batchStoreListenersByFrame()

type TextField = 'title' | 'action' | 'dialogue'

/** People (one per field, in order) on a board holding one shot that everyone has. */
function peopleOnOneShot(fields: TextField[], options: ConstructorParameters<typeof RelayedClients>[1] = {}) {
  const net = new RelayedClients(fields, options)
  const shot = createShotShape({ parentId: PAGE_ID, index: 'a1' as never })
  net.clients[0]!.store.put([shot])
  net.settle()
  const typed = new Map<RelayedClient, string>(net.clients.map((c) => [c, '']))
  /** `person` types one character at the end of their field, as the shot inspector writes it. */
  const type = (person: RelayedClient, char: string) => {
    const field = person.name as TextField
    typed.set(person, typed.get(person)! + char)
    person.store.update(shot.id, (record) => {
      const s = record as TLShotShape
      return { ...s, props: { ...s.props, [field]: s.props[field] + char } }
    })
  }
  /** After everything is delivered: what each person typed, as every store and doc holds it. */
  const expectEveryoneHasAllTyping = (label = '') => {
    net.settle()
    const expected = Object.fromEntries(net.clients.map((c) => [c.name, typed.get(c)])) as Partial<ShotShapeProps>
    for (const c of net.clients) {
      expect((c.store.get(shot.id) as TLShotShape).props, `${label} ${c.name}'s screen`).toMatchObject(expected)
      expect((readRecord(c.doc, shot.id) as TLShotShape).props, `${label} ${c.name}'s doc`).toMatchObject(expected)
    }
  }
  return { net, type, expectEveryoneHasAllTyping }
}

const letter = (i: number) => String.fromCharCode(97 + (i % 26))

/**
 * One step of a random schedule that is not a keystroke (`action` at least 0.35, drawn by the
 * caller): a frame ends, the server receives or sends some messages, or `person` drops or comes back.
 */
function networkStep(net: RelayedClients, person: RelayedClient, action: number, random: () => number): void {
  if (action < 0.45) endFrame(person.store)
  else if (action < 0.65) net.receiveOnServer(person, 1 + Math.floor(random() * 3))
  else if (action < 0.7) net.endServerTurn()
  else if (action < 0.96) net.deliver(person, 1 + Math.floor(random() * 3), { merged: random() < 0.5 })
  else if (person.connected) net.disconnect(person)
  else net.reconnect(person)
}

/** Ada and Ben on a board holding one shot with this dialogue, which both have. */
function twoPeopleInOneDialogue(dialogue: string, clientIds: number[], batchServerWrites = false) {
  const net = new RelayedClients(['ada', 'ben'], { clientIds, batchServerWrites })
  const [ada, ben] = net.clients as [RelayedClient, RelayedClient]
  const shot = createShotShape({ parentId: PAGE_ID, index: 'a1' as never, props: { dialogue } })
  ada.store.put([shot])
  net.settle()
  /** `person` types `char` into the dialogue at the place `at` picks in what their screen shows. */
  const insertAt = (person: RelayedClient, at: (dialogue: string) => number, char: string) =>
    person.store.update(shot.id, (record) => {
      const s = record as TLShotShape
      const i = at(s.props.dialogue)
      return { ...s, props: { ...s.props, dialogue: s.props.dialogue.slice(0, i) + char + s.props.dialogue.slice(i) } }
    })
  const expectDialogue = (expected: string, label = '') => {
    net.settle()
    for (const c of net.clients) {
      expect((c.store.get(shot.id) as TLShotShape).props.dialogue, `${label} ${c.name}'s screen`).toBe(expected)
      expect((readRecord(c.doc, shot.id) as TLShotShape).props.dialogue, `${label} ${c.name}'s doc`).toBe(expected)
    }
  }
  const dialogueOf = (person: RelayedClient) => (person.store.get(shot.id) as TLShotShape).props.dialogue
  return { net, ada, ben, shotId: shot.id, insertAt, dialogueOf, expectDialogue }
}

describe('concurrent edits of one record', () => {
  it('keeps every character when two people type into one shot without pause for longer than a round trip', () => {
    // Ada's client id is the lower: whenever both write at once, Ben's value wins in the doc and
    // Ada's side does the merging, every frame, for the whole sentence.
    const { net, type, expectEveryoneHasAllTyping } = peopleOnOneShot(['action', 'dialogue'], { clientIds: [1, 2] })
    const [ada, ben] = net.clients as [RelayedClient, RelayedClient]
    for (let i = 0; i < 60; i++) {
      // Each frame both type a character and send it; each receives the other's a frame later.
      for (const person of [ada, ben]) {
        type(person, letter(i))
        endFrame(person.store)
        net.receiveOnServer(person)
      }
      for (const person of [ada, ben]) net.deliver(person)
    }
    expectEveryoneHasAllTyping()
  })

  it("keeps every character when one person's connection holds their edits back while the other types on", () => {
    // Ben's client id is the higher: his value, however late, wins in the doc over every one of
    // Ada's that it is concurrent with, and Ada's side has to merge it.
    const { net, type, expectEveryoneHasAllTyping } = peopleOnOneShot(['action', 'dialogue'], { clientIds: [1, 2] })
    const [ada, ben] = net.clients as [RelayedClient, RelayedClient]
    // Ben types a character; his connection stalls (both ways) while Ada types a long sentence.
    type(ben, 'x')
    endFrame(ben.store)
    for (let i = 0; i < 120; i++) {
      type(ada, letter(i))
      endFrame(ada.store)
      net.receiveOnServer(ada)
    }
    expectEveryoneHasAllTyping()
  })

  it('keeps what each of two people typed, however edits, deliveries, server batching and reconnects interleave', () => {
    for (let seed = 1; seed <= 150; seed++) {
      // Seeded, so a failing schedule repeats.
      const generator = prng.create(seed)
      const random = () => prng.real53(generator)
      const { net, type, expectEveryoneHasAllTyping } = peopleOnOneShot(['action', 'dialogue'], {
        // Which of two concurrent values Yjs keeps depends on the client ids: either way round.
        clientIds: seed % 2 === 0 ? [1, 2] : [2, 1],
        batchServerWrites: random() < 0.5,
      })
      for (let step = 0; step < 150; step++) {
        const person = net.clients[Math.floor(random() * 2)]!
        const action = random()
        if (action < 0.35) {
          type(person, letter(step))
          // Some keystrokes are still waiting for their frame when the next update lands.
          if (random() < 0.6) endFrame(person.store)
        } else networkStep(net, person, action, random)
      }
      expectEveryoneHasAllTyping(`seed ${seed}`)
    }
  })

  it('keeps what both typed when two people write into the same field at once, one at its start and one at its end', () => {
    const { net, ada, ben, insertAt, expectDialogue } = twoPeopleInOneDialogue('MARY: You came back.', [1, 2])
    // Ada goes on at the end of the line; Ben, at once, writes a parenthetical before it (his
    // caret staying after what he typed, as the inspector keeps it). Each gets the other's
    // keys a frame later: every frame, one of the two values loses in the doc.
    const adas = ' I never thought you would.'
    const bens = '(softly) '
    for (let i = 0; i < Math.max(adas.length, bens.length); i++) {
      if (i < adas.length) insertAt(ada, (d) => d.length, adas[i]!)
      if (i < bens.length) insertAt(ben, () => i, bens[i]!)
      for (const person of [ada, ben]) {
        endFrame(person.store)
        net.receiveOnServer(person)
      }
      for (const person of [ada, ben]) net.deliver(person)
    }
    expectDialogue(`${bens}MARY: You came back.${adas}`)
  })

  it('keeps what both typed into one field at its two ends, however edits, deliveries and reconnects interleave', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const generator = prng.create(seed)
      const random = () => prng.real53(generator)
      const { net, ada, ben, insertAt, expectDialogue } = twoPeopleInOneDialogue('|', seed % 2 === 0 ? [1, 2] : [2, 1], random() < 0.5)
      const typed = new Map<RelayedClient, string>([[ada, ''], [ben, '']])
      for (let step = 0; step < 120; step++) {
        const person = net.clients[Math.floor(random() * 2)]!
        const action = random()
        if (action < 0.35) {
          // Ada types after the bar, at the end; Ben before it, after what he typed so far.
          const char = letter(step)
          if (person === ada) insertAt(ada, (d) => d.length, char)
          else insertAt(ben, () => typed.get(ben)!.length, char)
          typed.set(person, typed.get(person)! + char)
          if (random() < 0.6) endFrame(person.store)
        } else networkStep(net, person, action, random)
      }
      expectDialogue(`${typed.get(ben)}|${typed.get(ada)}`, `seed ${seed}`)
    }
  })

  it('keeps both texts whole when two people type at the same place, in one order on both sides, each caret following its own', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const generator = prng.create(seed)
      const random = () => prng.real53(generator)
      const clientIds = seed % 2 === 0 ? [1, 2] : [2, 1]
      const { net, ada, ben, shotId, insertAt, dialogueOf, expectDialogue } = twoPeopleInOneDialogue('Chase at night', clientIds, random() < 0.5)
      // Each caret as the field keeps it: carried through what arrived since its last key (as
      // useCaretKeptThroughOthersEdits does), both starting at the end of the name.
      const words = new Map<RelayedClient, string>([[ada, ' on foot'], [ben, ' by car']])
      const typed = new Map<RelayedClient, number>([[ada, 0], [ben, 0]])
      const caret = new Map<RelayedClient, { text: string; at: number }>(net.clients.map((c) => [c, { text: 'Chase at night', at: 14 }]))
      for (let step = 0; step < 150; step++) {
        const person = net.clients[Math.floor(random() * 2)]!
        const action = random()
        if (action < 0.35 && typed.get(person)! < words.get(person)!.length) {
          const was = caret.get(person)!
          const now = dialogueOf(person)
          const at = caretThroughEdit(was.text, now, was.at, othersTypeFirst(recordsMap(person.doc) as Y.Map<unknown>, shotId))
          insertAt(person, () => at, words.get(person)![typed.get(person)!]!)
          typed.set(person, typed.get(person)! + 1)
          caret.set(person, { text: dialogueOf(person), at: at + 1 })
          if (random() < 0.6) endFrame(person.store)
        } else networkStep(net, person, action, random)
      }
      const [first, second] = clientIds[0]! < clientIds[1]! ? [ada, ben] : [ben, ada]
      const part = (person: RelayedClient) => words.get(person)!.slice(0, typed.get(person))
      expectDialogue(`Chase at night${part(first)}${part(second)}`, `seed ${seed}`)
    }
  })

  /*
   * KNOWN LIMIT (fails every time; it.fails keeps it honest). With a third person on the shot,
   * even one who types nothing, a stale copy of someone's field can win:
   * 1. Dee types 'a' (value D1, reaches the server); Dee types 'b' (waits for her frame).
   * 2. Ada types 'c' (A1, concurrent with D1; Ada's higher client id wins in the doc).
   * 3. Tom receives D1, then A1: A1 replaced D1 there, so Tom merges — his merge M_T holds Dee's
   *    'a' from his own store — and writes it on top of A1. Dee sends 'ab' (D2), which loses to A1.
   * 4. Dee receives A1 (which wins over D2), merges (M_D: 'c', 'ab') on top of A1. On the server
   *    M_T and M_D are concurrent, both on A1; Tom's higher id wins: the doc says dialogue 'a'.
   * 5. Dee receives M_T. The last value of its origin chain she held is A1, whose dialogue is '':
   *    to her, M_T changed the dialogue from '' to 'a', so 'a' wins over her 'ab'.
   * M_T's dialogue came from Tom's store, off its origin chain: nothing in a whole-record value
   * says which writer's version of a field it carries. See docs/doc-layout.md.
   * Ordering inserts at one place (othersTypeFirst) does not help: each person types into a field
   * of their own, nothing is inserted at one place; what loses is a stale base, not an order.
   */
  it.fails("keeps what each of three people typed when one person's merge carries another's older value", () => {
    const { net, type, expectEveryoneHasAllTyping } = peopleOnOneShot(['title', 'action', 'dialogue'], { clientIds: [3, 2, 1] })
    const [, ada, dee] = net.clients as [RelayedClient, RelayedClient, RelayedClient]
    type(dee, 'a')
    endFrame(dee.store)
    net.receiveOnServer(dee)
    type(dee, 'b')
    type(ada, 'c')
    endFrame(ada.store)
    // Then everything is delivered in order: Tom gets D1, A1, D2; Ada D1, D2; Dee A1; then the merges.
    expectEveryoneHasAllTyping()
  })
})

describe('the values kept to merge concurrent edits', () => {
  it('forgets values older than 30 s across records, keeping each record’s current one', () => {
    const doc = new Y.Doc()
    const map = recordsMap(doc) as Y.Map<unknown>
    let now = 0
    const history = new RecordEntryHistory(map, () => now)
    const write = (id: string, x: number) => {
      doc.transact(() => map.set(id, { id, typeName: 'shape', x }))
      history.note(id)
    }
    // A drag of 200 shapes, 10 steps: every value is kept while it may be a remote writer's base.
    for (let step = 0; step < 10; step++) for (let i = 0; i < 200; i++) write(`shape:${i}`, step)
    expect(history.size).toBe(2000)
    // Half a minute later, an edit of another shape drops the drag's values — not only that shape's.
    now = 30_001
    write('shape:other', 0)
    expect(history.size).toBe(201)
  })
})
