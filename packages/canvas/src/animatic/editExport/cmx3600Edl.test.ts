import { describe, expect, it } from 'vitest'
import { cmx3600Edl, cmx3600Edls, edlEventLine, edlFileName, edlReelNames } from './cmx3600Edl'
import { editAudio, NO_EDIT_AUDIO, withoutFiles } from './editAudio'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const SIZE = { width: 1920, height: 1080 }
/** An event line: number, reel in 8 columns, V, C or D with its length, then four timecodes. */
const SRC = (n: number) => `/api/boards/b/assets/${String(n).repeat(64)}`
const sound = (n: number, name: string, duration: number) => ({ src: SRC(n), mimeType: 'audio/mpeg' as const, name, duration })
const EVENT = /^(\d{3}) {2}(.{8}) V {5}([CD]) {3} ( {3}|\d{3}) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/

describe('cmx3600Edl', () => {
  it('has a title, NDF, and one cut per shot with source and record timecodes from 01:00:00:00', () => {
    const edl = cmx3600Edl(editTimeline('Harbour spot', shotsOf([1.5, 2], [{ action: 'Boats come in.' }]), 24, SIZE))
    const lines = edl.split('\r\n')
    expect(lines.slice(0, 2)).toEqual(['TITLE: Harbour spot', 'FCM: NON-DROP FRAME'])
    const events = lines.filter((line) => /^\d{3} /.test(line))
    expect(events).toEqual([
      '001  AX       V     C        00:00:00:00 00:00:01:12 01:00:00:00 01:00:01:12',
      '002  AX       V     C        00:00:00:00 00:00:02:00 01:00:01:12 01:00:03:12',
    ])
    events.forEach((line) => expect(line).toMatch(EVENT))
    expect(lines).toContain('* FROM CLIP NAME: 010_1.1_Shot_1.png')
    expect(lines).toContain('* COMMENT: Boats come in.')
  })

  it('writes a dissolve as CMX3600 does: the outgoing still held for no time, then D and its length', () => {
    const edl = cmx3600Edl(editTimeline('x', shotsOf([1, 2], [{}, { transitionIn: 'dissolve' }]), 25, SIZE))
    const events = edl.split('\r\n').filter((line) => EVENT.test(line))
    expect(events).toEqual([
      '001  AX       V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00',
      '002  AX       V     C        00:00:01:00 00:00:01:00 01:00:01:00 01:00:01:00',
      '002  AX       V     D    013 00:00:00:00 00:00:02:00 01:00:01:00 01:00:03:00',
    ])
    expect(edl).toContain('* FROM CLIP NAME: 010_1.1_Shot_1.png\r\n* TO CLIP NAME: 020_1.2_Shot_2.png')
  })

  it("writes the shot's own transition length as the dissolve's frames", () => {
    const edl = cmx3600Edl(editTimeline('x', shotsOf([1, 4], [{}, { transitionIn: 'fade', transitionInSeconds: 1.5 }]), 25, SIZE))
    expect(edl.split('\r\n').filter((line) => EVENT.test(line))[2]).toBe('002  AX       V     D    038 00:00:00:00 00:00:04:00 01:00:01:00 01:00:05:00')
    expect(edl).toContain('* COMMENT: FADE THROUGH BLACK')
  })

  it('refuses a dissolve longer than the three digits CMX3600 has for it', () => {
    expect(() => edlEventLine(1, 'AX', { dissolveFrames: 1000 }, ['a', 'b', 'c', 'd'])).toThrow(RangeError)
  })

  it('keeps every line one line, whatever the titles hold', () => {
    const edl = cmx3600Edl(editTimeline('Evil\r\n001  AX', shotsOf([1], [{ title: 'a\nb', action: 'line\r\nbreak\u202E' }]), 30, SIZE))
    expect(edl.split('\r\n').filter((line) => /^\d{3} /.test(line))).toHaveLength(1)
    expect(edl).not.toMatch(/[\u202E]|[^\r]\n/)
  })

  it('writes ASCII only, as EDL readers expect: title, clip names and comments transliterated, the clip names still the files’ names', () => {
    const shots = shotsOf([1, 1], [{ title: 'Élise’s café', action: 'She says “non” — and leaves…', sound: sound(1, 'Porte claquée.mp3', 1) }, { title: '港の朝' }])
    const timeline = editTimeline('Harbour — Spot «final»', shots, 25, SIZE)
    const edl = cmx3600Edl(timeline, editAudio(timeline, shots, { ...sound(2, 'Thème — temp.mp3', 5), startAt: 0 }, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 2 }]))
    expect(edl).toMatch(/^[\x20-\x7E\r\n]*$/)
    const lines = edl.split('\r\n')
    expect(lines[0]).toBe('TITLE: Harbour - Spot "final"')
    expect(lines).toContain(`* FROM CLIP NAME: ${timeline.clips[0]!.fileName}`)
    expect(timeline.clips[0]!.fileName).toBe('010_1.1_Elise\'s_cafe.png')
    expect(lines).toContain("* COMMENT: 1.1 Elise's cafe")
    expect(lines).toContain('* COMMENT: She says "non" - and leaves...')
    expect(lines).toContain('* FROM CLIP NAME: 020_1.2.png')
    expect(lines).toContain('* FROM CLIP NAME: 010_1.1_Porte_claquee.mp3')
    expect(lines).toContain('* FROM CLIP NAME: soundtrack-Theme_-_temp.mp3')
  })

  it('never writes an empty title: a name with nothing ASCII can spell, or none, is "Storyboard"', () => {
    for (const name of ['港の朝', '', '   ']) {
      expect(cmx3600Edl(editTimeline(name, shotsOf([1]), 25, SIZE)).split('\r\n')[0]).toBe('TITLE: Storyboard')
    }
    expect(cmx3600Edls(editTimeline('港の朝', shotsOf([1, 1]), 25, SIZE), NO_EDIT_AUDIO, 1)[1]!.split('\r\n')[0]).toBe('TITLE: Storyboard part 2 of 2')
  })

  it('refuses a reel name longer than 8 characters', () => {
    expect(() => edlEventLine(1, 'TOOLONGREEL', 'C', ['', '', '', ''])).toThrow(RangeError)
    expect(edlEventLine(1, 'R12345678'.slice(0, 8), 'C', ['a', 'b', 'c', 'd'])).toBe('001  R1234567 V     C        a b c d')
  })

  it('lists the soundtrack as A events where the XML places it and each shot’s sound as A2 at its shot, the picture events unchanged', () => {
    const slam = sound(1, 'door slam.mp3', 1)
    const shots = shotsOf([2, 2, 2], [{ sound: slam }, {}, { sound: sound(2, 'Line 3.mp3', 5) }])
    const timeline = editTimeline('x', shots, 25, SIZE)
    // The soundtrack from 2 s in under the first 2 s, then (a second segment) from 2 + 3 s until the edit ends.
    const segments = [
      { boardStartSeconds: 0, startSeconds: 0, seconds: 2 },
      { boardStartSeconds: 3, startSeconds: 2, seconds: 4 },
    ]
    const edl = cmx3600Edl(timeline, editAudio(timeline, shots, { ...sound(9, 'Temp score.mp3', 30), startAt: 2 }, segments))
    expect(edl.startsWith(cmx3600Edl(timeline))).toBe(true)
    const audio = edl.slice(cmx3600Edl(timeline).length).split('\r\n')
    expect(audio.filter((line) => /^\d{3} /.test(line))).toEqual([
      '004  SOUNDTRA A     C        00:00:02:00 00:00:04:00 01:00:00:00 01:00:02:00',
      '005  SOUNDTRA A     C        00:00:05:00 00:00:09:00 01:00:02:00 01:00:06:00',
      '006  010_1_1  A2    C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00',
      // Cut at its shot's cut, as Present plays it.
      '007  030_1_3  A2    C        00:00:00:00 00:00:02:00 01:00:04:00 01:00:06:00',
    ])
    expect(edl).toContain('005  SOUNDTRA A     C        00:00:05:00 00:00:09:00 01:00:02:00 01:00:06:00\r\n* FROM CLIP NAME: soundtrack-Temp_score.mp3\r\n* COMMENT: Temp score.mp3\r\n')
    expect(edl).toContain('006  010_1_1  A2    C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00\r\n* FROM CLIP NAME: 010_1.1_door_slam.mp3\r\n* COMMENT: 1.1 Shot 1\r\n')
  })

  it('gives a shared sound one reel, and leaves out a sound that could not be fetched; with no sound the EDL is as without audio', () => {
    const slam = sound(1, 'slam.mp3', 1)
    const shots = shotsOf([1, 1, 1], [{ sound: slam }, { sound: sound(2, 'gone.mp3', 1) }, { sound: slam }])
    const timeline = editTimeline('x', shots, 24, SIZE)
    const audio = withoutFiles(editAudio(timeline, shots, null, []), [SRC(2)])
    const events = cmx3600Edl(timeline, audio).split('\r\n').filter((line) => / A2 /.test(line))
    expect(events).toEqual([
      '004  010_1_1  A2    C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00',
      '005  010_1_1  A2    C        00:00:00:00 00:00:01:00 01:00:02:00 01:00:03:00',
    ])
    expect(cmx3600Edl(timeline, withoutFiles(audio, [SRC(1)]))).toBe(cmx3600Edl(timeline))
    expect(cmx3600Edl(timeline, editAudio(timeline, shotsOf([1, 1, 1]), null, []))).toBe(cmx3600Edl(timeline))
  })

  it('keeps an audio event’s comment one line, whatever the soundtrack’s name holds', () => {
    const shots = shotsOf([1])
    const timeline = editTimeline('x', shots, 24, SIZE)
    const edl = cmx3600Edl(timeline, editAudio(timeline, shots, { ...sound(9, 'Temp\r\n001  AX\u202E', 3), startAt: 0 }, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 1 }]))
    expect(edl.split('\r\n').filter((line) => /^\d{3} /.test(line))).toHaveLength(2)
    expect(edl).toContain('* COMMENT: Temp 001 AX\r\n')
    expect(edl).not.toMatch(/[\u202E]|[^\r]\n/)
  })

  it('names each sound file a reel of its own: at most 8 of A–Z, 0–9 and _, never the stills’ AX', () => {
    const reels = edlReelNames(['soundtrack-Temp.wav', 'soundtrack-Other.wav', 'soundtrack-x.wav', 'ax.mp3', 'ドア.mp3', '010_1.1_straße.mp3', '.mp3'])
    expect(reels).toEqual(['SOUNDTRA', 'SOUNDT_2', 'SOUNDT_3', 'AX_2', 'AUDIO', '010_1_1', 'AUDIO_2'])
    reels.forEach((reel) => expect(reel).toMatch(/^[A-Z0-9_]{1,8}$/))
  })

  it('writes an audio event’s track in the track column', () => {
    expect(edlEventLine(3, 'A1', 'C', ['a', 'b', 'c', 'd'], 'A2')).toBe('003  A1       A2    C        a b c d')
    expect(edlEventLine(3, 'A1', 'C', ['a', 'b', 'c', 'd'], 'AA')).toBe('003  A1       AA    C        a b c d')
  })
})

describe('cmx3600Edls', () => {
  const eventLines = (edl: string) => edl.split('\r\n').filter((line) => /^\d{3} {2}/.test(line))

  it('is one EDL while the events fit in three digits', () => {
    const timeline = editTimeline('x', shotsOf([1, 1]), 24, SIZE)
    expect(cmx3600Edls(timeline)).toEqual([cmx3600Edl(timeline)])
  })

  it('splits an edit of more than 999 events into EDLs of at most 999, each numbered from 001 at its own record timecodes', () => {
    const edls = cmx3600Edls(editTimeline('Long board', shotsOf(Array<number>(1000).fill(0.5)), 24, SIZE))
    expect(edls).toHaveLength(2)
    const [first, second] = edls.map(eventLines) as [string[], string[]]
    expect(first).toHaveLength(999)
    expect(first.at(-1)).toBe('999  AX       V     C        00:00:00:00 00:00:00:12 01:08:19:00 01:08:19:12')
    expect(second).toEqual(['001  AX       V     C        00:00:00:00 00:00:00:12 01:08:19:12 01:08:20:00'])
    ;[...first, ...second].forEach((line) => expect(line).toMatch(EVENT))
    expect(edls.map((edl) => edl.split('\r\n')[0])).toEqual(['TITLE: Long board part 1 of 2', 'TITLE: Long board part 2 of 2'])
    expect(edls[1]).toContain('* FROM CLIP NAME: 10000_1.1000_Shot_1000.png')
  })

  it('divides at a cut, each part with the sound under its own stretch of the sequence', () => {
    const shots = shotsOf([1, 1, 1, 1], [{}, {}, { transitionIn: 'dissolve', sound: sound(1, 'door.mp3', 0.5) }])
    const timeline = editTimeline('x', shots, 25, SIZE)
    const soundtrack = { ...sound(9, 'Score.mp3', 30), startAt: 0 }
    const audio = editAudio(timeline, shots, soundtrack, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 4 }])
    // At most four events a part: two shots and the soundtrack under them (the third shot would bring
    // its door too: five); then the last two shots, the soundtrack under them and the door.
    const edls = cmx3600Edls(timeline, audio, 4)
    expect(edls.map(eventLines)).toEqual([
      [
        '001  AX       V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00',
        '002  AX       V     C        00:00:00:00 00:00:01:00 01:00:01:00 01:00:02:00',
        '003  SOUNDTRA A     C        00:00:00:00 00:00:02:00 01:00:00:00 01:00:02:00',
      ],
      [
        '001  AX       V     C        00:00:01:00 00:00:01:00 01:00:02:00 01:00:02:00',
        '001  AX       V     D    013 00:00:00:00 00:00:01:00 01:00:02:00 01:00:03:00',
        '002  AX       V     C        00:00:00:00 00:00:01:00 01:00:03:00 01:00:04:00',
        '003  SOUNDTRA A     C        00:00:02:00 00:00:04:00 01:00:02:00 01:00:04:00',
        '004  030_1_3  A2    C        00:00:00:00 00:00:00:13 01:00:02:00 01:00:02:13',
      ],
    ])
    // The dissolve into the second part's first shot still comes from the shot before it.
    expect(edls[1]).toContain('* FROM CLIP NAME: 020_1.2_Shot_2.png\r\n* TO CLIP NAME: 030_1.3_Shot_3.png')
  })

  it('names the EDL after the edit, its parts numbered so they sort', () => {
    expect(edlFileName('harbour', 0, 1)).toBe('harbour.edl')
    expect([0, 1].map((k) => edlFileName('harbour', k, 2))).toEqual(['harbour-part1.edl', 'harbour-part2.edl'])
    expect([0, 9].map((k) => edlFileName('harbour', k, 10))).toEqual(['harbour-part01.edl', 'harbour-part10.edl'])
  })

  it('refuses an event number past three digits', () => {
    expect(() => edlEventLine(1000, 'AX', 'C', ['a', 'b', 'c', 'd'])).toThrow(RangeError)
  })
})
