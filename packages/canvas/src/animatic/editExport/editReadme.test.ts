import { describe, expect, it } from 'vitest'
import { editAudio } from './editAudio'
import { duckedSoundtrack } from './editDucking'
import { editReadme } from './editReadme'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const FILES = { xml: 'b.xml', edls: ['b.edl'] }

describe('editReadme', () => {
  it('names the audio folder and where the sound is in the XML and the EDL when the edit has sound', () => {
    const sound = { src: `/api/boards/b/assets/${'1'.repeat(64)}`, mimeType: 'audio/mpeg' as const, name: 'slam.mp3', duration: 1 }
    const shots = shotsOf([2], [{ sound }])
    const timeline = editTimeline('x', shots, 24, { width: 1920, height: 1080 })
    const readme = editReadme(timeline, FILES, editAudio(timeline, shots, null, []))
    expect(readme).toMatch(/^ {2}audio\/ /m)
    expect(readme).toContain("with the soundtrack as A events and the shots' own sounds as A2")
    expect(readme).not.toContain('picture only')
    const silent = editReadme(timeline, FILES, editAudio(timeline, shotsOf([2]), null, []))
    expect(silent).not.toContain('audio/')
    expect(silent).not.toMatch(/picture only|A events/)
  })

  it('says the XML ducks the soundtrack under the shots’ sounds only when it does', () => {
    const line = { src: `/api/boards/b/assets/${'1'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line.wav', duration: 1 }
    const score = { src: `/api/boards/b/assets/${'9'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'score.wav', duration: 30, startAt: 0 }
    const shots = shotsOf([2, 2], [{}, { sound: line }])
    const timeline = editTimeline('x', shots, 24, { width: 1920, height: 1080 })
    const audio = editAudio(timeline, shots, score, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 4 }])
    const readme = (ducking: 0 | 12) => editReadme(timeline, FILES, duckedSoundtrack(audio, timeline, shots, ducking))
    expect(readme(12)).toContain("(the soundtrack lowered under the shots' sounds by its Audio Levels keyframes,")
    expect(readme(0)).not.toContain('lowered')
  })

  it('names the parts of an edit too long for one EDL and says how they go together', () => {
    const timeline = editTimeline('x', shotsOf([2]), 24, { width: 1920, height: 1080 })
    const readme = editReadme(timeline, { xml: 'b.xml', edls: ['b-part1.edl', 'b-part2.edl'] }, editAudio(timeline, shotsOf([2]), null, []))
    expect(readme).toContain('  b-part1.edl … b-part2.edl  CMX3600 EDLs, the same cut in 2 parts (an EDL holds at most 999 events):')
    expect(readme).toContain('then open b-part1.edl … b-part2.edl with Avid EDL Manager')
    expect(editReadme(timeline, FILES, editAudio(timeline, shotsOf([2]), null, []))).toContain('  b.edl  CMX3600 EDL, the same cut (')
  })
})
