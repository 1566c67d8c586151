import { describe, expect, it } from 'vitest'
import { shotCancelOffer } from './shotCancelOffer'
import { generationView } from './testing/generationView'

describe('shotCancelOffer', () => {
  const running = generationView('running', { status: 'running' })
  const next = generationView('next')
  const last = generationView('last')

  it('offers the running one and all of the viewer’s, waiting ones first so none starts before its cancel', () => {
    const offer = shotCancelOffer([running, next, last], running, new Set(['running', 'next', 'last']))
    expect(offer).toEqual({ current: 'running', all: ['next', 'last', 'running'] })
  })

  it('leaves out what someone else started, and offers no current one when the running one is not the viewer’s', () => {
    expect(shotCancelOffer([running, next, last], running, new Set(['next', 'last']))).toEqual({ current: null, all: ['next', 'last'] })
    expect(shotCancelOffer([running, next], running, new Set(['elsewhere']))).toEqual({ current: null, all: [] })
  })
})
