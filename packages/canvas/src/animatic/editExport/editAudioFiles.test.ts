import { afterEach, describe, expect, it, vi } from 'vitest'
import { editAudio } from './editAudio'
import { addSoundFiles } from './editAudioFiles'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const SRC = (n: number) => `/api/boards/b/assets/${String(n).repeat(64)}`

afterEach(() => vi.unstubAllGlobals())

describe('addSoundFiles', () => {
  it('adds each file under audio/, leaving out (and naming) one that cannot be fetched, with its clips', async () => {
    vi.stubGlobal('fetch', async (url: string) => (url.includes('2222') ? new Response('gone', { status: 404 }) : new Response(new Uint8Array([1, 2, 3]))))
    const shots = shotsOf([2, 2], [{ sound: { src: SRC(1), mimeType: 'audio/mpeg', name: 'a.mp3', duration: 1 } }, { sound: { src: SRC(2), mimeType: 'audio/wav', name: 'b.wav', duration: 1 } }])
    const timeline = editTimeline('x', shots, 24, { width: 1920, height: 1080 })
    const added: [string, number[]][] = []
    const result = await addSoundFiles(editAudio(timeline, shots, null, []), {
      mediaUrl: (src) => `http://media${src}`,
      signal: new AbortController().signal,
      add: (name, bytes) => added.push([name, [...bytes]]),
    })
    expect(added).toEqual([['audio/010_1.1_a.mp3', [1, 2, 3]]])
    expect(result.missing).toEqual(['The sound of shot 1.2'])
    expect(result.audio.files.map((f) => f.fileName)).toEqual(['010_1.1_a.mp3'])
    expect(result.audio.shotSounds.map((c) => c.name)).toEqual(['1.1 Shot 1'])
  })

  it('stops when the export is cancelled', async () => {
    const controller = new AbortController()
    vi.stubGlobal('fetch', async () => {
      controller.abort(new DOMException('Cancelled', 'AbortError'))
      throw new DOMException('Cancelled', 'AbortError')
    })
    const shots = shotsOf([2], [{ sound: { src: SRC(1), mimeType: 'audio/mpeg', name: 'a.mp3', duration: 1 } }])
    const timeline = editTimeline('x', shots, 24, { width: 1920, height: 1080 })
    await expect(addSoundFiles(editAudio(timeline, shots, null, []), { mediaUrl: (src) => src, signal: controller.signal, add: () => {} })).rejects.toThrow('Cancelled')
  })
})
