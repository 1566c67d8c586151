import { describe, expect, it } from 'vitest'
import { defaultShotProps } from '../storyboard/shotShape'
import { MAX_PROMPT_LENGTH } from './jobs'
import { promptFromShot } from './shotPrompt'

const shot = defaultShotProps()

describe('promptFromShot', () => {
  it('puts the action first, then the framing in words a model follows', () => {
    const prompt = promptFromShot({
      ...shot,
      action: 'Mara sprints across the wet rooftop.',
      camera: { shotSize: 'ws', angle: 'low', lensMm: 24, movement: 'truck-left' },
    })
    expect(prompt).toBe('Mara sprints across the wet rooftop. Wide shot, low angle, 24mm lens, truck left.')
  })

  it('leaves out a static camera and an unset lens, and lower-cases the size mid-sentence', () => {
    const prompt = promptFromShot({ ...shot, action: 'A kettle boils', camera: { shotSize: 'mcu', angle: 'eye-level', lensMm: null, movement: 'static' } })
    expect(prompt).toBe('A kettle boils. Medium close-up, eye level.')
  })

  it('falls back to the title when the action is empty, and collapses whitespace', () => {
    const prompt = promptFromShot({ ...shot, action: '  \n ', title: 'The   harbour at dawn', camera: { ...shot.camera, angle: 'overhead' } })
    expect(prompt).toBe("The harbour at dawn. Medium shot, overhead bird's-eye view.")
  })

  it('still gives a usable prompt for a shot with no words yet', () => {
    expect(promptFromShot({ ...shot, action: '', title: '', camera: { ...shot.camera, angle: 'dutch' } })).toBe(
      'Medium shot, Dutch angle.',
    )
  })

  it('shortens a long action at a word so the prompt fits the limit and still says how the shot is framed', () => {
    const prompt = promptFromShot({ ...shot, action: 'The keeper climbs the stairs. '.repeat(150), camera: { shotSize: 'ws', angle: 'low', lensMm: 24, movement: 'static' } })
    expect(prompt.length).toBeLessThanOrEqual(MAX_PROMPT_LENGTH)
    expect(prompt).toMatch(/^The keeper climbs the stairs\. The keeper .*\w… Wide shot, low angle, 24mm lens\.$/u)
  })
})
