import { describe, expect, it } from 'vitest'
import type { TLShapeId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { createSceneId } from './sceneRecord'
import type { ShotPlan, ShotPlanShot } from './shotPlan'
import { csvField, shotListCsv } from './shotListCsv'
import { defaultShotProps } from './shotShape'

const scene1 = createSceneId('1')
const scene2 = createSceneId('2')
const shot = (id: string, fields: Partial<ShotPlanShot>): ShotPlanShot => ({
  ...defaultShotProps(),
  id: `shape:${id}` as TLShapeId,
  x: 0,
  y: 0,
  ...fields,
})
const plan: ShotPlan = {
  format: 'storyloom.shot-plan',
  version: 6,
  settings: { numbering: 'decimal', fps: 24, defaultAspect: '16:9' },
  scenes: [
    { id: scene2, name: 'Chase', order: 'a2' as IndexKey, slugline: 'EXT. DOCKS - NIGHT', location: '', timeOfDay: null, color: 'red' },
    { id: scene1, name: 'Opening', order: 'a1' as IndexKey, slugline: '', location: '', timeOfDay: null, color: 'grey' },
  ],
  shots: [
    shot('c', {
      sceneId: scene2,
      order: 'a1' as IndexKey,
      title: 'Jo turns back',
      duration: 1.03,
      camera: { shotSize: 'cu', angle: 'low', lensMm: 85, movement: 'whip-pan' },
      action: 'He turns, "now!"',
      dialogue: 'JO: Wait,\r\nstop.',
      transitionIn: 'smash-cut',
    }),
    shot('a', {
      sceneId: scene1,
      order: 'a1' as IndexKey,
      title: 'Harbour, dawn',
      duration: 2.5,
      camera: { shotSize: 'ews', angle: 'overhead', lensMm: 18, movement: 'crane-down' },
      action: 'Dawn over the harbour',
      transitionIn: 'fade',
    }),
    shot('b', { sceneId: scene1, order: 'a2' as IndexKey, title: '@Jo enters', action: '=HYPERLINK("http://x")', dialogue: '', transitionIn: 'dissolve', transitionInSeconds: 2 }),
    shot('loose', { sceneId: null, order: 'a1' as IndexKey, duration: 0.001 }),
  ],
}

/** A strict RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2)
      else if (ch === '"') (quoted = false), i++
      else (field += ch), i++
    } else if (ch === '"' && field === '') (quoted = true), i++
    else if (ch === ',') row.push(field), (field = ''), i++
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2)
    else if (ch === '\r' || ch === '\n' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`)
    else (field += ch), i++
  }
  if (field !== '' || row.length > 0) throw new Error('last record has no line break')
  return rows
}

describe('CSV shot list', () => {
  it('lists shots in reading order with their scene heading, title and storyboard words, numbered per the board', () => {
    expect(parseCsv(shotListCsv(plan))).toEqual([
      ['Scene', 'Scene heading', 'Shot', 'Title', 'Size', 'Angle', 'Lens', 'Movement', 'Duration', 'Action', 'Dialogue', 'Transition', 'Transition frames'],
      // A fade at the usual length (18 frames at 24 fps); a 2 s dissolve into a 3 s shot plays its first half (36 frames); a cut has none.
      ['1', 'Opening', '1.1', 'Harbour, dawn', 'EWS', "Overhead (bird's-eye)", '18mm', 'Crane down', '2.5', 'Dawn over the harbour', '', 'Fade', '18'],
      ['1', 'Opening', '1.2', "'@Jo enters", 'MS', 'Eye level', '', 'Static', '3', `'=HYPERLINK("http://x")`, '', 'Dissolve', '36'],
      ['2', 'EXT. DOCKS - NIGHT', '2.1', 'Jo turns back', 'CU', 'Low angle', '85mm', 'Whip pan', '1.042', 'He turns, "now!"', 'JO: Wait,\r\nstop.', 'Smash cut', ''],
      ['', '', '0.1', '', 'MS', 'Eye level', '', 'Static', '0.042', '', '', 'Cut', ''],
    ])
  })

  it('quotes fields as RFC 4180 says and ends every line with CRLF', () => {
    const csv = shotListCsv(plan)
    expect(csv.startsWith('Scene,Scene heading,Shot,Title,Size,Angle,Lens,Movement,Duration,Action,Dialogue,Transition,Transition frames\r\n')).toBe(true)
    expect(csv).toContain(`,"He turns, ""now!""","JO: Wait,\r\nstop.",Smash cut,\r\n`)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a\nb')).toBe('"a\nb"')
  })

  it('numbers with letters and writes timecodes when asked', () => {
    const rows = parseCsv(shotListCsv({ ...plan, settings: { ...plan.settings, numbering: 'letter', fps: 25 } }, { duration: 'timecode' }))
    expect(rows.slice(1).map((r) => [r[2], r[8]])).toEqual([
      ['1A', '00:00:02:13'],
      ['1B', '00:00:03:00'],
      ['2A', '00:00:01:01'],
      ['0A', '00:00:00:01'],
    ])
  })

  it("ends each row with the shot's review verdict when the board's verdicts are given, blank for none", () => {
    const review = new Map([
      ['shape:a', 'approved' as const],
      ['shape:c', 'changes-requested' as const],
      ['shape:b', null],
    ])
    const rows = parseCsv(shotListCsv(plan, { frames: true, review }))
    expect(rows[0]).toEqual(['Scene', 'Scene heading', 'Shot', 'Title', 'Size', 'Angle', 'Lens', 'Movement', 'Duration', 'Frames', 'Action', 'Dialogue', 'Transition', 'Transition frames', 'Review'])
    expect(rows.slice(1).map((r) => [r[3], r[14]])).toEqual([
      ['Harbour, dawn', 'Approved'],
      [`'@Jo enters`, ''],
      ['Jo turns back', 'Changes requested'],
      ['', ''],
    ])
  })

  it('says who each shot is assigned to, before the review column, when given names: blank for nobody, a former member as such', () => {
    const assigned = {
      ...plan,
      shots: plan.shots.map((s) => (s.id === 'shape:a' ? { ...s, assigneeId: 'ada' } : s.id === 'shape:c' ? { ...s, assigneeId: 'gone' } : s)),
    }
    const names = new Map([['ada', '=Ada, "the lead"']])
    const assigneeName = (id: string) => names.get(id) ?? 'Former member'
    const rows = parseCsv(shotListCsv(assigned, { frames: true, assigneeName, review: new Map() }))
    expect(rows[0]!.slice(-2)).toEqual(['Assigned to', 'Review'])
    expect(rows.slice(1).map((r) => [r[3], r[14]])).toEqual([
      ['Harbour, dawn', `'=Ada, "the lead"`],
      [`'@Jo enters`, ''],
      ['Jo turns back', 'Former member'],
      ['', ''],
    ])
    // Without names, no column.
    expect(parseCsv(shotListCsv(assigned))[0]).not.toContain('Assigned to')
  })

  it('adds whole frames at the board rate after the duration when asked', () => {
    const rows = parseCsv(shotListCsv({ ...plan, settings: { ...plan.settings, fps: 30 } }, { frames: true }))
    expect(rows[0]).toEqual(['Scene', 'Scene heading', 'Shot', 'Title', 'Size', 'Angle', 'Lens', 'Movement', 'Duration', 'Frames', 'Action', 'Dialogue', 'Transition', 'Transition frames'])
    expect(rows.slice(1).map((r) => [r[8], r[9], r[10], r[13]])).toEqual([
      ['2.5', '75', 'Dawn over the harbour', '23'],
      ['3', '90', `'=HYPERLINK("http://x")`, '45'],
      ['1.033', '31', 'He turns, "now!"', ''],
      ['0.033', '1', '', ''],
    ])
  })

  it("ends each row with the shot's own sound when asked: its file's name, length in seconds and Volume in percent, blank for none", () => {
    const sound = (name: string, duration: number) => ({ src: `/api/boards/b/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name, duration })
    const sounding = {
      ...plan,
      shots: plan.shots.map((s) =>
        s.id === 'shape:a'
          ? { ...s, sound: sound('line-12.wav', 2.4567), soundVolume: 0.4 }
          : s.id === 'shape:b'
            ? { ...s, sound: sound('=cmd|"/c calc"!A1.wav', 61), soundVolume: 1 }
            : s.id === 'shape:c'
              ? { ...s, sound: sound('-beep, loud.ogg', 0.3), soundVolume: 0.125 }
              : // No sound: its Volume (kept from a removed sound or written in a plan) is not said.
                { ...s, soundVolume: 0.5 },
      ),
    }
    const assigneeName = () => 'Ada'
    const rows = parseCsv(shotListCsv(sounding, { frames: true, assigneeName, review: new Map(), sound: true }))
    // After every other column, so a spreadsheet built on the columns before keeps finding them where they were.
    expect(rows[0]!.slice(12)).toEqual(['Transition', 'Transition frames', 'Assigned to', 'Review', 'Sound', 'Sound length (s)', 'Sound volume (%)'])
    expect(rows.slice(1).map((r) => [r[3], ...r.slice(16)])).toEqual([
      ['Harbour, dawn', 'line-12.wav', '2.457', '40'],
      // A file name a spreadsheet would run as a formula is shown as text, as the other words are.
      [`'@Jo enters`, `'=cmd|"/c calc"!A1.wav`, '61', '100'],
      ['Jo turns back', `'-beep, loud.ogg`, '0.3', '13'],
      ['', '', '', ''],
    ])
    // Without the option's other columns, the sound still ends the row.
    expect(parseCsv(shotListCsv(sounding, { sound: true }))[1]!.slice(-4)).toEqual(['18', 'line-12.wav', '2.457', '40'])
    // Not asked: no sound columns.
    expect(parseCsv(shotListCsv(sounding))[0]).not.toContain('Sound')
    expect(parseCsv(shotListCsv(sounding, { sound: true, neutralizeFormulas: false }))[2]![13]).toBe('=cmd|"/c calc"!A1.wav')
  })

  it('can leave formula-like text as it is', () => {
    expect(parseCsv(shotListCsv(plan, { neutralizeFormulas: false }))[2]![9]).toBe('=HYPERLINK("http://x")')
  })
})
