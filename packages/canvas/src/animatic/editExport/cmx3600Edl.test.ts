import { describe, expect, it } from 'vitest'
import { cmx3600Edl, edlEventLine } from './cmx3600Edl'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const SIZE = { width: 1920, height: 1080 }
/** An event line: number, reel in 8 columns, V, C or D with its length, then four timecodes. */
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

  it('refuses a reel name longer than 8 characters', () => {
    expect(() => edlEventLine(1, 'TOOLONGREEL', 'C', ['', '', '', ''])).toThrow(RangeError)
    expect(edlEventLine(1, 'R12345678'.slice(0, 8), 'C', ['a', 'b', 'c', 'd'])).toBe('001  R1234567 V     C        a b c d')
  })
})
