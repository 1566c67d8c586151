import { describe, expect, it } from 'vitest'
import { createBoardSettings } from '../boardSettingsRecord'
import { spokenWords } from '../dialogueTiming'
import { screenplayToShotPlan, type ScreenplayBoard } from '../screenplay'
import type { ShotPlan } from '../shotPlan'
import { readFinalDraft } from './finalDraftReader'
import { readFountain } from './fountainReader'

const board: ScreenplayBoard = { settings: createBoardSettings({ numbering: 'decimal', fps: 24, defaultAspect: '16:9' }), shotSize: { w: 320, h: 180 } }

function planOf(text: string): ShotPlan {
  const result = screenplayToShotPlan(text, board)
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.plan
}

const paragraph = (type: string, ...runs: string[]) =>
  `<Paragraph Type="${type}">${runs.map((run) => (run.startsWith('<') ? run : `<Text>${run}</Text>`)).join('')}</Paragraph>`

/** A small Final Draft 12 file as it writes them: scene numbers, scene properties, styled runs, dual dialogue, a title page. */
const QUAY_FDX = `<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<FinalDraft DocumentType="Script" Template="No" Version="5">
  <Content>
    ${paragraph('Transition', 'FADE IN:')}
    <Paragraph Number="1" Type="Scene Heading">
      <SceneProperties Length="1 2/8" Page="1" Title=""/>
      <Text>INT. KITCHEN - NIGHT</Text>
    </Paragraph>
    ${paragraph('Action', 'Mary opens the ', '<Text Style="Bold+Underline">door</Text>', '. Rain &amp; wind blow in &#x2014; across the tiles.')}
    ${paragraph('Character', '<Text Style="AllCaps">mary</Text>')}
    ${paragraph('Parenthetical', '(quietly)')}
    ${paragraph('Dialogue', 'You came back.')}
    ${paragraph('Character', 'TOM')}
    ${paragraph('Dialogue', 'I did. I said I would, and here I am, soaked to the bone.')}
    ${paragraph('Shot', 'CLOSE ON MARY')}
    ${paragraph('Action', 'Her eyes fill. She does not let him see.')}
    ${paragraph('Action', 'The kettle screams.')}
    <Paragraph>
      <DualDialogue>
        ${paragraph('Character', 'MARY')}
        ${paragraph('Dialogue', 'Take off your coat.')}
        ${paragraph('Character', 'TOM')}
        ${paragraph('Dialogue', 'I can’t stay long, the tide turns at six and the boat will not wait for me.')}
      </DualDialogue>
    </Paragraph>
    ${paragraph('Transition', 'DISSOLVE TO:')}
    <Paragraph Number="2" Type="Scene Heading"><Text>EXT. QUAY – DAWN</Text></Paragraph>
    ${paragraph('New Act', 'ACT TWO')}
    ${paragraph('General', 'Gulls wheel over *the* empty quay.')}
  </Content>
  <TitlePage>
    <Content>
      <Paragraph Alignment="Center"><Text></Text></Paragraph>
      <Paragraph Alignment="Center"><Text Style="Bold">The Quay</Text></Paragraph>
      <Paragraph Alignment="Center"><Text>Written by Ada</Text></Paragraph>
    </Content>
  </TitlePage>
  <ElementSettings Type="Action"><FontSpec Font="Courier Final Draft" Size="12"/></ElementSettings>
</FinalDraft>
`

describe('Final Draft screenplays', () => {
  it('read into the same plan as Fountain: scenes from headings, shots from action and shot paragraphs, speeches as dialogue', () => {
    const result = screenplayToShotPlan(QUAY_FDX, board)
    expect(result.ok && result.title).toBe('The Quay')
    const plan = planOf(QUAY_FDX)
    expect(plan.scenes.map(({ slugline, location, timeOfDay }) => ({ slugline, location, timeOfDay }))).toEqual([
      { slugline: 'INT. KITCHEN - NIGHT', location: 'KITCHEN', timeOfDay: 'night' },
      { slugline: 'EXT. QUAY – DAWN', location: 'QUAY', timeOfDay: 'dawn' },
    ])
    const [kitchen, quay] = plan.scenes.map((scene) => scene.id)
    expect(plan.shots.map(({ sceneId, title, action, dialogue, transitionIn, duration }) => ({ sceneId, title, action, dialogue, transitionIn, duration }))).toEqual([
      {
        sceneId: kitchen,
        title: 'Mary opens the door.',
        action: 'Mary opens the door. Rain & wind blow in — across the tiles.',
        dialogue: 'MARY: (quietly) You came back.\nTOM: I did. I said I would, and here I am, soaked to the bone.',
        transitionIn: 'fade',
        // 3 + 13 spoken words (not the parenthetical) at 2.5 a second.
        duration: 7,
      },
      // The shot heading is the title; the action paragraph after it is its action.
      { sceneId: kitchen, title: 'CLOSE ON MARY', action: 'Her eyes fill. She does not let him see.', dialogue: '', transitionIn: 'cut', duration: 3 },
      {
        sceneId: kitchen,
        title: 'The kettle screams.',
        action: 'The kettle screams.',
        dialogue: 'MARY: Take off your coat.\nTOM ^: I can’t stay long, the tide turns at six and the boat will not wait for me.',
        transitionIn: 'cut',
        // Said at once: as long as the longer speech (17 words), not both (21).
        duration: 7,
      },
      // Asterisks are characters in Final Draft (its emphasis is a run's style), kept as typed.
      { sceneId: quay, title: 'Gulls wheel over *the* empty quay.', action: 'Gulls wheel over *the* empty quay.', dialogue: '', transitionIn: 'dissolve', duration: 3 },
    ])
  })

  it('reads dual dialogue as two speeches at once, and a character with no lines as no speech', () => {
    const fdx = `<FinalDraft><Content>${paragraph('Scene Heading', 'INT. CAR - NIGHT')}${paragraph('Character', 'BOB (V.O.)')}${paragraph('Character', 'ANN')}${paragraph('Dialogue', 'We never went back.')}<DualDialogue>${paragraph('Character', 'A')}${paragraph('Dialogue', 'Yes.')}${paragraph('Character', 'B')}${paragraph('Dialogue', 'No.')}</DualDialogue>${paragraph('Lyrics', 'Row, row, row your boat')}</Content></FinalDraft>`
    expect(readFinalDraft(fdx).elements).toEqual([
      { kind: 'scene-heading', text: 'INT. CAR - NIGHT' },
      { kind: 'speech', speech: { character: 'ANN', lines: [{ kind: 'dialogue', text: 'We never went back.' }] } },
      {
        kind: 'dual-speech',
        speeches: [
          { character: 'A', lines: [{ kind: 'dialogue', text: 'Yes.' }] },
          { character: 'B', lines: [{ kind: 'dialogue', text: 'No.' }] },
        ],
      },
      { kind: 'lyrics', text: 'Row, row, row your boat' },
    ])
    expect(planOf(fdx).shots[0]).toMatchObject({ title: '', action: '', dialogue: 'ANN: We never went back.\nA: Yes.\nB ^: No.\n♪ Row, row, row your boat' })
    // A second speech with no speaker has no cue to mark: timed as it reads back, after the first.
    const said = 'one two three four five six seven eight'
    const unnamed = `<FinalDraft><Content><DualDialogue>${paragraph('Character', 'A')}${paragraph('Dialogue', said)}${paragraph('Character', '')}${paragraph('Dialogue', said)}</DualDialogue></Content></FinalDraft>`
    const [shot] = planOf(unnamed).shots
    expect(shot).toMatchObject({ dialogue: `A: ${said}\n${said}`, duration: 7 })
    expect(spokenWords(shot!.dialogue)).toBe(16)
  })

  it('gives the same elements as the same script in Fountain', () => {
    const fountain = 'INT. HALL - DAY\n\nAnn *waits*.\n\nANN\n(to herself)\nLate again.\n\nBOB\nSorry.\n\nCUT TO:\n\nEXT. ROAD - NIGHT\n\n~La la la\n'
    const fdx = `<?xml version="1.0"?><FinalDraft><Content>${[
      paragraph('Scene Heading', 'INT. HALL - DAY'),
      paragraph('Action', 'Ann ', '<Text Style="Italic">waits</Text>', '.'),
      paragraph('Character', 'ANN'),
      paragraph('Parenthetical', '(to herself)'),
      paragraph('Dialogue', 'Late again.'),
      paragraph('Character', 'BOB'),
      paragraph('Dialogue', 'Sorry.'),
      paragraph('Transition', 'CUT TO:'),
      paragraph('Scene Heading', 'EXT. ROAD - NIGHT'),
      paragraph('Lyrics', 'La la la'),
    ].join('\n')}</Content></FinalDraft>`
    expect(readFinalDraft(fdx).elements).toEqual(readFountain(fountain).elements)
    expect(readFinalDraft(fdx).elements).toHaveLength(7)
  })

  it('tells Final Draft from Fountain by what the file holds, whatever its name', () => {
    // A byte order mark and blank lines before the XML declaration, as some editors save it.
    expect(planOf(`\uFEFF\n${QUAY_FDX}`).shots).toHaveLength(4)
    // A Fountain script that mentions XML is still Fountain.
    expect(planOf('INT. LAB - DAY\n\nShe types <FinalDraft> into the terminal.\n').shots[0]!.action).toBe('She types <FinalDraft> into the terminal.')
  })

  it('refuses other XML, malformed XML and a script with nothing to board, saying what is wrong', () => {
    const refusal = (text: string) => {
      const result = screenplayToShotPlan(text, board)
      return result.ok ? 'imported' : result.errors
    }
    expect(refusal('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>')).toEqual(['This is not a Final Draft or Fountain screenplay'])
    expect(refusal('<!DOCTYPE html><html><body><p>Hi</p></body></html>')).toEqual(['This is not a Final Draft or Fountain screenplay'])
    expect(refusal('<Screenplay><FinalDraft/></Screenplay>')).toEqual(['This is not a Final Draft or Fountain screenplay'])
    expect(refusal(`<FinalDraft><Content>\n${paragraph('Action', 'Beat.').replace('</Text>', '')}\n</Content></FinalDraft>`)).toEqual([
      "The Final Draft file is not well-formed XML: Expected closing tag 'Text' (opened in line 2, col 26) instead of closing tag 'Paragraph'. (line 2, column 37)",
    ])
    expect(refusal(QUAY_FDX.slice(0, QUAY_FDX.indexOf('</Content>')))).toEqual([expect.stringMatching(/^The Final Draft file is not well-formed XML: .*\(line \d+, column \d+\)$/)])
    expect(refusal('<FinalDraft DocumentType="Script"><TitlePage/></FinalDraft>')).toEqual(['The Final Draft file has no script in it (no <Content>)'])
    expect(refusal(`<FinalDraft><Content>${paragraph('Scene Heading', 'INT. VOID - DAY')}</Content></FinalDraft>`)).toEqual(['No action or dialogue found in this Final Draft script'])
  })

  it('never expands entities a file declares itself (billion laughs), and refuses nesting past any script’s', () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('')
    const bomb = `<?xml version="1.0"?><!DOCTYPE FinalDraft [<!ENTITY lol0 "lol">${laughs}]><FinalDraft><Content>${paragraph('Action', '&lol9;')}</Content></FinalDraft>`
    const result = screenplayToShotPlan(bomb, board)
    expect(result).toEqual({ ok: false, errors: ['The Final Draft file uses the entity &lol9;, which it declares itself; Storyloom does not expand such entities'] })
    // One declared entity, however harmless, is not expanded either.
    const declared = `<!DOCTYPE FinalDraft [<!ENTITY who "Mary">]><FinalDraft><Content>${paragraph('Action', '&who; waits.')}</Content></FinalDraft>`
    expect(screenplayToShotPlan(declared, board)).toMatchObject({ ok: false, errors: [expect.stringContaining('&who;')] })
    // Names that are also properties of every object are neither entities nor paragraph types.
    const inherited = `<FinalDraft><Content>${paragraph('constructor', 'Ignored.')}${paragraph('Action', 'Kept &amp; &#65;.')}</Content></FinalDraft>`
    expect(readFinalDraft(inherited).elements).toEqual([{ kind: 'action', text: 'Kept & A.' }])
    expect(screenplayToShotPlan(inherited.replace('Kept', '&toString;'), board)).toMatchObject({ ok: false, errors: [expect.stringContaining('&toString;')] })
    expect(screenplayToShotPlan(inherited.replace('<Content>', '<Content><__proto__/>'), board)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^The Final Draft file could not be read: .*__proto__/u)] })
    const deep = `<FinalDraft><Content>${'<Paragraph>'.repeat(500)}${'</Paragraph>'.repeat(500)}</Content></FinalDraft>`
    expect(screenplayToShotPlan(deep, board)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^The Final Draft file could not be read: .*nest/iu)] })
  })

  it('refuses a file past the size limit before reading it', () => {
    const huge = `<FinalDraft><Content>${paragraph('Action', 'x'.repeat(8 * 1024 * 1024))}</Content></FinalDraft>`
    expect(screenplayToShotPlan(huge, board)).toEqual({ ok: false, errors: ['The screenplay is too large (at most 8 MB of text)'] })
  })
})
