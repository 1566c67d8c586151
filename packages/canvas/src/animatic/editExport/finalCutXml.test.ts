import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { editAudio } from './editAudio'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'
import { finalCutXml } from './finalCutXml'

const SIZE = { width: 1920, height: 1080 }
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['clipitem', 'transitionitem', 'marker'].includes(name) })

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true)
  return parser.parse(xml).xmeml
}

describe('finalCutXml', () => {
  it('is an xmeml 4 sequence at the board’s rate, with one still clip per shot for its frames', () => {
    const xml = finalCutXml(editTimeline('Harbour spot', shotsOf([1.6, 0.72], [{ action: 'Boats.', dialogue: 'MAYA: Here.' }]), 25, SIZE))
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE xmeml>\n<xmeml version="4">/)
    const { sequence } = parse(xml)
    expect(sequence.name).toBe('Harbour spot')
    expect(sequence.duration).toBe('58')
    expect(sequence.rate).toEqual({ timebase: '25', ntsc: 'FALSE' })
    expect(sequence.timecode.string).toBe('01:00:00:00')
    expect(sequence.media.video.format.samplecharacteristics).toMatchObject({ width: '1920', height: '1080' })
    const clips = sequence.media.video.track.clipitem
    expect(clips).toHaveLength(2)
    expect(clips.map((c: Record<string, string>) => [c.name, c.start, c.end, Number(c.out) - Number(c.in)])).toEqual([
      ['1.1 Shot 1', '0', '40', 40],
      ['1.2 Shot 2', '40', '58', 18],
    ])
    expect(clips[0].file.pathurl).toBe('stills/010_1.1_Shot_1.png')
    expect(clips[0].comments).toEqual({ mastercomment1: 'Boats.', mastercomment2: 'MAYA: Here.' })
    expect(clips[0].marker[0].comment).toBe('Boats.\n\nMAYA: Here.')
    // A clip's source has room beyond its in and out for a transition.
    expect(Number(clips[0].in)).toBeGreaterThan(0)
    expect(Number(clips[0].duration)).toBeGreaterThan(Number(clips[0].out))
  })

  it('flags an NTSC rate', () => {
    const { sequence } = parse(finalCutXml(editTimeline('x', shotsOf([1]), 29.97, SIZE)))
    expect(sequence.rate).toEqual({ timebase: '30', ntsc: 'TRUE' })
  })

  it('puts a cross dissolve or a dip to black at the start of the clip it leads into', () => {
    const xml = finalCutXml(editTimeline('x', shotsOf([2, 2, 2], [{}, { transitionIn: 'dissolve' }, { transitionIn: 'fade' }]), 24, SIZE))
    const track = parse(xml).sequence.media.video.track
    expect(track.transitionitem.map((t: Record<string, unknown>) => [t.start, t.end, t.alignment, (t.effect as { name: string }).name])).toEqual([
      ['48', '60', 'start', 'Cross Dissolve'],
      ['96', '114', 'start', 'Dip to Color Dissolve'],
    ])
    // In the track's order: clip, transition, clip, transition, clip.
    expect([...xml.matchAll(/<(clipitem|transitionitem)[ >]/g)].map((m) => m[1])).toEqual(['clipitem', 'transitionitem', 'clipitem', 'transitionitem', 'clipitem'])
  })

  it("makes each transition as long as the shot's own length", () => {
    const xml = finalCutXml(editTimeline('x', shotsOf([2, 3, 3], [{}, { transitionIn: 'dissolve', transitionInSeconds: 1 }, { transitionIn: 'fade', transitionInSeconds: 0.25 }]), 24, SIZE))
    const items = parse(xml).sequence.media.video.track.transitionitem as Record<string, string>[]
    expect(items.map((t) => [t.start, t.end])).toEqual([
      ['48', '72'],
      ['120', '126'],
    ])
  })

  it('keeps hostile titles as text: markup, CDATA ends, control characters and direction overrides never break or spoof the file', () => {
    const title = 'A <b>&amp; ]]> "x" \'y\'\u0000\u0007\u202Eevil\uD800\uFFFE'
    const xml = finalCutXml(editTimeline(title, shotsOf([1], [{ title, action: '<script>alert(1)</script>\n]]>' }]), 24, SIZE))
    const { sequence } = parse(xml)
    expect(sequence.name).toBe('A <b>&amp; ]]> "x" \'y\'evil')
    const clip = sequence.media.video.track.clipitem[0]
    expect(clip.name).toBe('1.1 A <b>&amp; ]]> "x" \'y\'evil')
    expect(clip.comments.mastercomment1).toBe('<script>alert(1)</script>\n]]>')
    expect(xml).not.toMatch(/[\u0000-\u0008\u202E]/)
  })

  it('carries the soundtrack on A1 and the shots’ sounds on A2, each file once, found in audio/', () => {
    const src = (n: number) => `/api/boards/b/assets/${String(n).repeat(64)}`
    const slam = { src: src(1), mimeType: 'audio/mpeg' as const, name: 'slam.mp3', duration: 1 }
    const line = { src: src(2), mimeType: 'audio/wav' as const, name: 'Line 2.wav', duration: 5 }
    const shots = shotsOf([2, 2, 2], [{ sound: slam }, { sound: line }, { sound: slam }])
    const timeline = editTimeline('x', shots, 25, SIZE)
    const soundtrack = { src: src(9), mimeType: 'audio/wav' as const, name: 'Score.wav', duration: 30, startAt: 2 }
    const audio = editAudio(timeline, shots, soundtrack, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 6 }])
    const { sequence } = parse(finalCutXml(timeline, audio))
    const [a1, a2] = sequence.media.audio.track
    const frames = (c: Record<string, string>) => [c.start, c.end, c.in, c.out]
    expect(a1.clipitem.map(frames)).toEqual([['0', '150', '50', '200']])
    expect(a1.clipitem[0].file).toMatchObject({ name: 'soundtrack-Score.wav', pathurl: 'audio/soundtrack-Score.wav', duration: '750' })
    expect(a1.clipitem[0].sourcetrack.mediatype).toBe('audio')
    // A sound longer than its shot ends at the cut; a shorter one where it ends.
    expect(a2.clipitem.map(frames)).toEqual([
      ['0', '25', '0', '25'],
      ['50', '100', '0', '50'],
      ['100', '125', '0', '25'],
    ])
    expect(a2.clipitem.map((c: { name: string }) => c.name)).toEqual(['1.1 Shot 1', '1.2 Shot 2', '1.3 Shot 3'])
    expect(a2.clipitem[1].file.pathurl).toBe('audio/020_1.2_Line_2.wav')
    // The shared file is described once, then referred to by its id.
    const first = a2.clipitem[0].file
    expect(first.pathurl).toBe('audio/010_1.1_slam.mp3')
    expect(a2.clipitem[2].file).toEqual({ '@_id': first['@_id'] })
    expect(new Set([a1.clipitem[0].file['@_id'], first['@_id'], a2.clipitem[1].file['@_id']]).size).toBe(3)
  })

  it('sets a shot sound’s Volume as the clip’s Audio Levels (linear gain), none at full level', () => {
    const src = (n: number) => `/api/boards/b/assets/${String(n).repeat(64)}`
    const slam = { src: src(1), mimeType: 'audio/mpeg' as const, name: 'slam.mp3', duration: 1 }
    // The same file at two levels: each clip keeps its own.
    const shots = shotsOf([2, 2, 2], [{ sound: slam, soundVolume: 0.4 }, { sound: slam }, { sound: slam, soundVolume: 0 }])
    const timeline = editTimeline('x', shots, 25, SIZE)
    const soundtrack = { src: src(9), mimeType: 'audio/wav' as const, name: 'Score.wav', duration: 30, startAt: 0 }
    const { sequence } = parse(finalCutXml(timeline, editAudio(timeline, shots, soundtrack, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 6 }])))
    const [a1, a2] = sequence.media.audio.track
    expect(a1.clipitem[0].filter).toBeUndefined()
    const levels = a2.clipitem.map((c: { filter?: { effect: { effectid: string; mediatype: string; parameter: { parameterid: string; value: string } } } }) =>
      c.filter ? [c.filter.effect.effectid, c.filter.effect.mediatype, c.filter.effect.parameter.parameterid, c.filter.effect.parameter.value] : null,
    )
    expect(levels).toEqual([['audiolevels', 'audio', 'level', '0.4'], null, ['audiolevels', 'audio', 'level', '0']])
  })

  it('has no audio without sound', () => {
    const { sequence } = parse(finalCutXml(editTimeline('x', shotsOf([1]), 24, SIZE)))
    expect(sequence.media.audio).toBeUndefined()
  })
})
