import { describe, expect, it } from 'vitest'
import { dialogueNeedsText, tooShortForDialogueText } from './dialogueFitText'

describe('dialogue fit text', () => {
  it('says what the dialogue needs to the tenth of a second, whole seconds without a decimal', () => {
    expect(dialogueNeedsText(6)).toBe('Dialogue needs about 6 s')
    expect(dialogueNeedsText(6.4)).toBe('Dialogue needs about 6.4 s')
    expect(tooShortForDialogueText(0.4)).toBe('Too short for its dialogue (needs about 0.4 s)')
  })

  it('says a minute or more as the strip writes durations', () => {
    expect(dialogueNeedsText(64.8)).toBe('Dialogue needs about 1:05')
    expect(tooShortForDialogueText(59.96)).toBe('Too short for its dialogue (needs about 1:00)')
  })
})
