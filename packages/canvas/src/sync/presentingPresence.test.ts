import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import { presentingSchema } from '@storyloom/shared/present/presentingPresence'
import { announcePresenting, presentersOf } from './presentingPresence'
import { connectAwareness } from './testing/connectAwareness'

/** Two team members' awareness, connected as through the sync server. */
function adaAndBen() {
  const ada = new Awareness(new Y.Doc())
  const ben = new Awareness(new Y.Doc())
  connectAwareness(ada, ben)
  return { ada, ben }
}

const onShot2 = { shotId: 'shape:two', view: 'player', playing: false } as const

describe('presenting presence', () => {
  it("shows the others who presents, by the name their canvas shares, and what is on their screen", () => {
    const { ada, ben } = adaAndBen()
    ada.setLocalState({ presence: { userName: ' Ada ' } })
    expect(presentersOf(ben)).toEqual([])
    announcePresenting(ada, onShot2)
    expect(presentersOf(ben)).toEqual([{ clientId: ada.clientID, name: 'Ada', ...onShot2 }])
    announcePresenting(ada, { shotId: 'shape:three', view: 'grid', playing: true })
    expect(presentersOf(ben)).toMatchObject([{ shotId: 'shape:three', view: 'grid', playing: true }])
    // Their tldraw presence is kept beside it.
    expect(ada.getLocalState()).toMatchObject({ presence: { userName: ' Ada ' } })
    // The presenter does not follow themselves.
    expect(presentersOf(ada)).toEqual([])
  })

  it('stops listing someone who stopped presenting, or left', () => {
    const { ada, ben } = adaAndBen()
    announcePresenting(ada, onShot2)
    announcePresenting(ada, null)
    expect(presentersOf(ben)).toEqual([])
    announcePresenting(ada, onShot2)
    removeAwarenessStates(ada, [ada.clientID], 'closed the tab')
    expect(presentersOf(ben)).toEqual([])
  })

  it('calls a presenter with no name "Someone", and cuts a very long one', () => {
    const { ada, ben } = adaAndBen()
    announcePresenting(ada, onShot2)
    expect(presentersOf(ben)).toMatchObject([{ name: 'Someone' }])
    ada.setLocalStateField('presence', { userName: 'A'.repeat(5000) })
    expect(presentersOf(ben)[0]!.name).toHaveLength(100)
  })

  it('ignores malformed announcements (a view it does not know, a shot id that is not text or too long)', () => {
    const { ada, ben } = adaAndBen()
    for (const presenting of [
      { ...onShot2, view: 'fullscreen' },
      { ...onShot2, shotId: 42 },
      { ...onShot2, shotId: 'shape:' + 'x'.repeat(500) },
      { ...onShot2, playing: 'yes' },
      'shape:two',
    ]) {
      ada.setLocalState({ presenting })
      expect(presentersOf(ben)).toEqual([])
    }
  })

  it('validates only the states that announce a presentation (not every collaborator on each cursor move)', () => {
    const { ada, ben } = adaAndBen()
    const cyd = new Awareness(new Y.Doc())
    connectAwareness(cyd, ben)
    ada.setLocalState({ presence: { userName: 'Ada', cursor: { x: 1, y: 2 } } })
    cyd.setLocalState({ presence: { userName: 'Cyd' }, presenting: null })
    const validate = vi.spyOn(presentingSchema, 'safeParse')
    try {
      expect(presentersOf(ben)).toEqual([])
      expect(validate).not.toHaveBeenCalled()
      announcePresenting(ada, onShot2)
      expect(presentersOf(ben)).toEqual([{ clientId: ada.clientID, name: 'Ada', ...onShot2 }])
      expect(validate).toHaveBeenCalledTimes(1)
    } finally {
      validate.mockRestore()
    }
  })
})
