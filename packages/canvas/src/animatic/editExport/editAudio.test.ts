import { describe, expect, it } from 'vitest'
import { editAudio, withoutFiles } from './editAudio'
import { editRate } from './editRate'
import { editTimeline } from './editTimeline'
import { shotsOf } from './testShots'

const SIZE = { width: 1920, height: 1080 }
const SRC = (n: number) => `/api/boards/b/assets/${String(n).repeat(64)}`
const sound = (n: number, name: string, duration: number, mimeType: 'audio/mpeg' | 'audio/wav' = 'audio/mpeg') => ({ src: SRC(n), mimeType, name, duration })
const soundtrack = { ...sound(9, 'Temp score: final?.wav', 30, 'audio/wav'), startAt: 2 }

describe('editAudio', () => {
  it('puts the soundtrack on the range’s segments from its offset, cut at the file’s end, one file', () => {
    const shots = shotsOf([2, 2, 2])
    const timeline = editTimeline('x', shots, 25, SIZE)
    const audio = editAudio(timeline, shots, { ...soundtrack, duration: 6 }, [
      { boardStartSeconds: 0, startSeconds: 0, seconds: 2 },
      { boardStartSeconds: 3, startSeconds: 2, seconds: 4 },
    ])
    expect(audio.files).toEqual([{ src: SRC(9), fileName: 'soundtrack-Temp_score_final.wav', what: 'The soundtrack', frames: 150 }])
    // Second segment: the file from 2 + 3 s, until it runs out at 6 s (1 s of it).
    expect(audio.soundtrack.map((c) => [c.startFrame, c.inFrame, c.frames])).toEqual([
      [0, 50, 50],
      [50, 125, 25],
    ])
    expect(audio.shotSounds).toEqual([])
  })

  it('leaves out a segment after the soundtrack has run out, and everything without a soundtrack', () => {
    const shots = shotsOf([2, 2])
    const timeline = editTimeline('x', shots, 24, SIZE)
    expect(editAudio(timeline, shots, { ...soundtrack, duration: 3 }, [{ boardStartSeconds: 2, startSeconds: 0, seconds: 4 }]).files).toEqual([])
    expect(editAudio(timeline, shots, null, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 4 }])).toEqual({ files: [], soundtrack: [], shotSounds: [] })
  })

  it('puts each shot’s sound at its shot, until the sound or the shot ends, a shared file once', () => {
    const shared = sound(1, 'door slam.mp3', 1)
    const shots = shotsOf([2, 2, 2], [{ sound: shared }, { sound: sound(2, 'Line 3/ "MAYA".WAV', 5, 'audio/wav') }, { sound: shared }])
    const timeline = editTimeline('x', shots, 24, SIZE)
    const audio = editAudio(timeline, shots, null, [])
    expect(audio.files.map((f) => [f.fileName, f.what, f.frames])).toEqual([
      ['010_1.1_door_slam.mp3', 'The sound of shot 1.1', 24],
      ['020_1.2_Line_3_MAYA.wav', 'The sound of shot 1.2', 120],
    ])
    expect(audio.shotSounds.map((c) => [c.name, c.file.fileName, c.startFrame, c.inFrame, c.frames])).toEqual([
      ['1.1 Shot 1', '010_1.1_door_slam.mp3', 0, 0, 24],
      ['1.2 Shot 2', '020_1.2_Line_3_MAYA.wav', 48, 0, 48],
      ['1.3 Shot 3', '010_1.1_door_slam.mp3', 96, 0, 24],
    ])
  })

  it('never names two files alike, nor a sound without a name empty', () => {
    const shots = shotsOf([1, 1], [{ sound: sound(1, '', 1) }, { sound: sound(2, '...', 1) }])
    const timeline = editTimeline('x', shots, editRate(24).fps, SIZE)
    const names = editAudio(timeline, shots, { ...soundtrack, name: '' }, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 2 }]).files.map((f) => f.fileName)
    expect(names).toEqual(['soundtrack.wav', '010_1.1_sound.mp3', '020_1.2_sound.mp3'])
  })

  it('leaves out a file that could not be fetched, and every stretch of it', () => {
    const shots = shotsOf([2, 2], [{ sound: sound(1, 'a.mp3', 1) }, { sound: sound(2, 'b.mp3', 1) }])
    const timeline = editTimeline('x', shots, 24, SIZE)
    const audio = editAudio(timeline, shots, soundtrack, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 4 }])
    const left = withoutFiles(audio, [SRC(9), SRC(2)])
    expect(left.files.map((f) => f.src)).toEqual([SRC(1)])
    expect(left.soundtrack).toEqual([])
    expect(left.shotSounds.map((c) => c.file.src)).toEqual([SRC(1)])
  })
})
