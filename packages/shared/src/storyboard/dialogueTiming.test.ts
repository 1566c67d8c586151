import { describe, expect, it } from 'vitest'
import { createBoardSettings, FRAME_RATE_IDS } from './boardSettingsRecord'
import { dialogueSeconds, dialogueShortfall, durationToSay, spokenWords } from './dialogueTiming'
import { secondsToFrames } from './runtime'
import { screenplayToShotPlan } from './screenplay'

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

describe('spokenWords', () => {
  it('counts what is said, not who says it or how', () => {
    expect(spokenWords('MARY: (quietly) You came back.')).toBe(3)
    expect(spokenWords('BOB (V.O.): We never went back.')).toBe(4)
    expect(spokenWords("MRS. O'BRIEN (CONT'D): Sit. (beat) Down.")).toBe(2)
    expect(spokenWords('Mary: Hi there.\n(beat)\nTOM: Hello.')).toBe(3)
    expect(spokenWords('(looks (away) slowly)')).toBe(0)
    expect(spokenWords(`${'('.repeat(3000)}deep${')'.repeat(3000)} Yes.`)).toBe(1)
    // A parenthesis never closed is a typo, not a direction that hides the rest.
    expect(spokenWords('ANN: (beat I know (sighs) you do.')).toBe(5)
    expect(spokenWords('♪ Row, row, row your boat')).toBe(5)
    expect(spokenWords('  \n — \n')).toBe(0)
  })

  it("leaves out a speaker's cue typed on a line of its own, as a screenplay lays it out", () => {
    expect(spokenWords('MARIE (V.O.)\nHome, at last.')).toBe(3)
    expect(spokenWords("MRS. O'BRIEN\n(beat)\nSit.\n\nTOM 2\nNo.")).toBe(2)
    // Shouted lines are said: a sentence's end, a lower-case letter, or nothing said after them.
    expect(spokenWords('NO!\nDon’t.')).toBe(2)
    expect(spokenWords('GET OUT\n')).toBe(2)
    expect(spokenWords('Marie\nHome.')).toBe(2)
    // A script without capitals has no cue to tell.
    expect(spokenWords('你好\n再见')).toBe(2)
  })

  it("times a speech whose cue ends in a caret (Fountain's dual dialogue) as said at once with the one before", () => {
    // As the import writes it, and as a writer lays it out: the pair lasts as long as the longer.
    expect(spokenWords('BRICK: Screw retirement.\nSTEEL ^: One two three four.')).toBe(4)
    expect(spokenWords('BRICK\nScrew retirement, kid.\n\nSTEEL ^\n(grins)\nNo.')).toBe(3)
    expect(spokenWords('BOB (V.O.): Go.\nANN (O.S.) ^: Stay here with me.')).toBe(4)
    // Only with the speech just before it: what comes before and after is said in turn.
    expect(spokenWords('ANN: One two three.\nBRICK: Hey.\nSTEEL ^: Hey you.\nTOM: Four.\n♪ La la la')).toBe(3 + 2 + 1 + 3)
    expect(spokenWords('Before anyone speaks.\nSTEEL ^: Hey.')).toBe(3)
    // A third caret joins the pair: all three at once.
    expect(spokenWords('A: One.\nB ^: One two three.\nC ^: One two.')).toBe(3)
    // Nothing before it to say it with: said on its own.
    expect(spokenWords('STEEL ^: Hey you.\nBRICK: Hi.')).toBe(3)
    // Without the caret (a board imported before it was written), one after the other, as ever.
    expect(spokenWords('BRICK: Screw retirement.\nSTEEL: One two three four.')).toBe(6)
    // A caret after words that are not a cue is not one.
    expect(spokenWords('BRICK: Hey you.\nI said ^: no.')).toBe(5)
  })

  it('keeps the words before a colon that is not a speaker cue', () => {
    expect(spokenWords('Listen to me: I came back.')).toBe(6)
    expect(spokenWords('We meet at 10:30 sharp.')).toBe(5)
    // A cue only starts a line: a colon mid-speech is said.
    expect(spokenWords('MARY: Two things: bread, milk.')).toBe(4)
  })
})

describe('dialogueShortfall', () => {
  it('says nothing of a shot without dialogue, or long enough for it', () => {
    expect(dialogueShortfall(0.5, '')).toBeNull()
    expect(dialogueShortfall(0.5, 'TOM: (beat)')).toBeNull()
    // 15 words take 6 s; 16 take 6.4 s, whatever was typed for it.
    expect(dialogueShortfall(6, words(15))).toBeNull()
    expect(dialogueShortfall(6.4, words(16))).toBeNull()
    expect(dialogueShortfall(3, words(2))).toBeNull()
  })

  it('says what the dialogue of a shorter shot needs', () => {
    expect(dialogueShortfall(3, `ANN: ${words(15)}`)).toEqual({ needs: 6 })
    expect(dialogueShortfall(6.39, words(16))).toEqual({ needs: 6.4 })
  })

  it('asks no shot to last longer than a shot may', () => {
    const sermon = words(9001)
    expect(dialogueShortfall(10, sermon)).toEqual({ needs: 3600.4 })
    expect(durationToSay(3600.4, 24)).toBe(3600)
    expect(dialogueShortfall(3600, sermon)).toBeNull()
  })
})

describe('durationToSay', () => {
  it('rounds up to whole frames, written to the millisecond', () => {
    expect(durationToSay(6, 24)).toBe(6)
    expect(durationToSay(6.4, 25)).toBe(6.4)
    expect(durationToSay(6.4, 30)).toBe(6.4)
    // 153.6 frames at 24 fps: 154 frames, 6.41666… s, written 6.417.
    expect(durationToSay(6.4, 24)).toBe(6.417)
  })

  it('fits every length of dialogue at every frame rate in whole frames that say all of it', () => {
    for (const fps of FRAME_RATE_IDS) {
      for (let n = 1; n <= 200; n++) {
        const { needs } = dialogueShortfall(0.1, words(n))!
        expect(needs).toBe(dialogueSeconds(words(n)))
        const fit = durationToSay(needs, fps)
        // The animatic plays the fitted duration for at least as long as the dialogue takes…
        expect(secondsToFrames(fit, fps) / fps).toBeGreaterThanOrEqual(needs - 1e-9)
        // …and one frame less would not do.
        expect((secondsToFrames(fit, fps) - 1) / fps).toBeLessThan(needs)
        expect(dialogueShortfall(fit, words(n))).toBeNull()
      }
    }
  })
})

describe('the screenplay import and dialogueShortfall', () => {
  const board = { settings: createBoardSettings({ fps: 24 }), shotSize: { w: 320, h: 190 } }
  const SCRIPT = `INT. KITCHEN - NIGHT

Mary opens the door.

MARY
(quietly)
You came back. I waited by this door every night, and every night the rain came in instead of you.

TOM (O.S.)
(beat)
I did. I said I would.
(softer)
And here I am, soaked to the bone, with nothing to show for the years but this coat.

~Row, row, row your boat, gently down the stream, merrily merrily merrily

She stops.

MRS. O'BRIEN (CONT'D)
Sit down, the both of you: supper is getting cold and I will not say it twice.
`

  it('agree: a shot the import timed is never too short for the dialogue it wrote', () => {
    const result = screenplayToShotPlan(SCRIPT, board)
    if (!result.ok) throw new Error(result.errors.join('\n'))
    const shots = result.plan.shots
    // The words the import counted from the screenplay's elements (Mary's, Tom's, the song's), read
    // back from the text it stored: at 2.5 words a second, 22.4 s and 6.8 s, lasting 23 and 7.
    expect(shots.map((shot) => spokenWords(shot.dialogue))).toEqual([20 + 24 + 12, 17])
    expect(shots.map((shot) => shot.duration)).toEqual([23, 7])
    for (const shot of shots) expect(dialogueShortfall(shot.duration, shot.dialogue)).toBeNull()
    // One second less and each would be.
    for (const shot of shots) expect(dialogueShortfall(shot.duration - 1, shot.dialogue)).not.toBeNull()
  })

  it('agree on dual dialogue: the import lasts a shot as long as the longer speech, as the note and Fit to dialogue do', () => {
    const script = `INT. RING - NIGHT\n\nThey square up.\n\nBRICK\n${words(15)}\n\nSTEEL ^\n(grinning)\n${words(15)}\n`
    const result = screenplayToShotPlan(script, board)
    if (!result.ok) throw new Error(result.errors.join('\n'))
    const [shot] = result.plan.shots
    // 15 words said at once with 15 more take 6 s, not the 12 s of one after the other.
    expect(shot!.duration).toBe(6)
    expect(dialogueSeconds(shot!.dialogue)).toBe(6)
    expect(dialogueShortfall(shot!.duration, shot!.dialogue)).toBeNull()
    expect(durationToSay(dialogueSeconds(shot!.dialogue), 24)).toBe(shot!.duration)
    expect(dialogueShortfall(shot!.duration - 1, shot!.dialogue)).toEqual({ needs: 6 })
  })
})
