import { describe, expect, it } from 'vitest'
import { transitionSeconds, usualTransitionSeconds } from '@storyloom/shared/storyboard/transitionLength'
import { shotTransitionAt, transitionBlend } from './shotTransition'

const TRANSITION_SECONDS = usualTransitionSeconds('dissolve')
const FADE_SECONDS = usualTransitionSeconds('fade')

describe('transitionBlend', () => {
  it('cross-fades a dissolve: the outgoing picture at the cut, half of each in the middle, the incoming shot at the end', () => {
    expect(transitionBlend('dissolve', 3, 0)).toMatchObject({ kind: 'dissolve', outgoingOpacity: 1, incomingOpacity: 0 })
    expect(transitionBlend('dissolve', 3, TRANSITION_SECONDS / 2)).toMatchObject({ outgoingOpacity: 1, incomingOpacity: 0.5, incomingReveal: 1 })
    expect(transitionBlend('dissolve', 3, TRANSITION_SECONDS * 0.9)!.incomingOpacity).toBeCloseTo(0.9)
    expect(transitionBlend('dissolve', 3, TRANSITION_SECONDS), 'over: the shot alone').toBeNull()
  })

  it('fades through black: out in the first half, black in the middle, in over the second half', () => {
    expect(transitionBlend('fade', 3, FADE_SECONDS / 4)).toMatchObject({ outgoingOpacity: 0.5, incomingOpacity: 0 })
    expect(transitionBlend('fade', 3, FADE_SECONDS / 2)).toMatchObject({ outgoingOpacity: 0, incomingOpacity: 0 })
    expect(transitionBlend('fade', 3, (FADE_SECONDS * 3) / 4)).toMatchObject({ outgoingOpacity: 0, incomingOpacity: 0.5 })
    expect(FADE_SECONDS).toBeGreaterThan(TRANSITION_SECONDS)
  })

  it('wipes the incoming shot across from the left', () => {
    expect(transitionBlend('wipe', 3, TRANSITION_SECONDS / 4)).toMatchObject({ outgoingOpacity: 1, incomingOpacity: 1, incomingReveal: 0.25 })
  })

  it('plays cuts, match cuts and smash cuts as cuts', () => {
    for (const transition of ['cut', 'match-cut', 'smash-cut'] as const) {
      expect(transitionSeconds(transition, 3, null)).toBe(0)
      expect(transitionBlend(transition, 3, 0.1)).toBeNull()
    }
  })

  it('never takes more than half of a short shot', () => {
    expect(transitionSeconds('dissolve', 0.6, null)).toBe(0.3)
    expect(transitionBlend('dissolve', 0.6, 0.15)!.incomingOpacity).toBeCloseTo(0.5)
    expect(transitionBlend('dissolve', 0.6, 0.3)).toBeNull()
    expect(transitionSeconds('fade', 10, null)).toBe(FADE_SECONDS)
  })

  it("plays a shot's own length, still never more than half the shot", () => {
    expect(transitionBlend('dissolve', 4, 1, { length: 2 })).toMatchObject({ incomingOpacity: 0.5 })
    expect(transitionBlend('fade', 4, 0.5, { length: 2 })).toMatchObject({ outgoingOpacity: 0.5, incomingOpacity: 0 })
    expect(transitionBlend('wipe', 4, 1.9, { length: 2 })!.incomingReveal).toBeCloseTo(0.95)
    expect(transitionBlend('dissolve', 4, 2, { length: 2 }), 'over').toBeNull()
    // A 3 s dissolve into a 2 s shot takes its first second.
    expect(transitionBlend('dissolve', 2, 0.5, { length: 3 })).toMatchObject({ incomingOpacity: 0.5 })
    expect(transitionBlend('dissolve', 2, 1, { length: 3 })).toBeNull()
    expect(transitionBlend('dissolve', 3, 0.25, { length: null })).toMatchObject({ incomingOpacity: 0.5 })
  })

  it('cuts for a viewer who asked for reduced motion', () => {
    expect(transitionBlend('dissolve', 3, 0.2, { reducedMotion: true })).toBeNull()
  })
})

describe('shotTransitionAt', () => {
  const shots = [
    { id: 'a', transitionIn: 'dissolve', seconds: 2 },
    { id: 'b', transitionIn: 'dissolve', seconds: 2 },
  ] as const

  it('blends a shot with the one before it, and the first shot with black', () => {
    expect(shotTransitionAt(shots, 0, 0.1)).toMatchObject({ outgoing: null, blend: { incomingOpacity: 0.2 } })
    expect(shotTransitionAt(shots, 0, 1)).toBeNull()
    const frame = shotTransitionAt(shots, 1, 0.25)
    expect(frame?.outgoing?.id).toBe('a')
    expect(frame?.blend.incomingOpacity).toBe(0.5)
  })

  it("plays each shot's own transition length", () => {
    const longer = [shots[0], { id: 'b', transitionIn: 'dissolve', transitionInSeconds: 1, seconds: 3 }] as const
    expect(shotTransitionAt(longer, 1, 0.75)?.blend.incomingOpacity).toBe(0.75)
    expect(shotTransitionAt(longer, 1, 1)).toBeNull()
  })
})
