import { describe, expect, it } from 'vitest'
import { editAudio } from './editAudio'
import { editReadme } from './editReadme'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const FILES = { xml: 'b.xml', edl: 'b.edl' }

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
})
