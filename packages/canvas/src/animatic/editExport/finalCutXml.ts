import { AUDIO_FOLDER, NO_EDIT_AUDIO, type EditAudio, type EditAudioClip } from './editAudio'
import { recordFrame, recordTimecode, type EditRate } from './editRate'
import { handleFrames, type EditClip, type EditTimeline, type EditTransition } from './editTimeline'
import { el, renderXml, type XmlElement } from './xmlWriter'

/** Where the stills sit beside the XML file in the ZIP. */
export const STILLS_FOLDER = 'stills'

/**
 * The edit as Final Cut Pro 7 XML (xmeml version 4), which Premiere Pro, DaVinci Resolve and
 * Avid (through its converters) import: one sequence at the board's frame rate, starting at
 * 01:00:00:00, with a video track of one still clip per shot (its name "1.2 Opening", its action
 * and dialogue as the clip's comments and a marker), and a transition at the start of each clip
 * the board dissolves, wipes or fades into. Each clip has a second of still beyond each end, so a
 * transition always has picture to use. With `audio` (editAudio.ts), two audio tracks: A1 the
 * soundtrack, A2 the shots' own sounds. Files are found relative to the XML (`stills/…`, `audio/…`).
 */
export function finalCutXml(timeline: EditTimeline, audio: EditAudio = NO_EDIT_AUDIO): string {
  const { rate } = timeline
  const track: XmlElement[] = []
  timeline.clips.forEach((clip, i) => {
    if (clip.transitionIn) track.push(transitionItem(clip, clip.transitionIn, rate))
    track.push(clipItem(clip, i + 1, timeline))
  })
  const sequence = el(
    'sequence',
    [
      el('name', timeline.title),
      el('duration', timeline.totalFrames),
      rateElement(rate),
      el('timecode', [rateElement(rate), el('string', recordTimecode(0, rate)), el('frame', recordFrame(0, rate)), el('displayformat', 'NDF')]),
      el('media', [el('video', [el('format', [sampleCharacteristics(timeline)]), el('track', track)]), ...audioMedia(audio, rate)]),
    ],
    { id: 'sequence-1' },
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n${renderXml(el('xmeml', [sequence], { version: '4' }))}\n`
}

/** The sequence's audio: A1 the soundtrack, A2 the shots' sounds (none when the edit has no sound). */
function audioMedia(audio: EditAudio, rate: EditRate): XmlElement[] {
  if (audio.soundtrack.length === 0 && audio.shotSounds.length === 0) return []
  const fileIds = new Map(audio.files.map((file, i) => [file, `audio-file-${i + 1}`]))
  const described = new Set<string>()
  let n = 0
  const track = (clips: readonly EditAudioClip[]) => el('track', clips.map((clip) => audioClipItem(clip, ++n, rate, fileIds.get(clip.file)!, described)))
  return [
    el('audio', [
      el('numOutputChannels', 2),
      el('format', [el('samplecharacteristics', [el('depth', 16), el('samplerate', 48000)])]),
      track(audio.soundtrack),
      track(audio.shotSounds),
    ]),
  ]
}

/** A stretch of a sound file on an audio track; its file described the first time, then referred to by id (as Final Cut Pro 7 writes a file used twice). */
function audioClipItem(clip: EditAudioClip, n: number, rate: EditRate, fileId: string, described: Set<string>): XmlElement {
  const { file } = clip
  const fileElement = described.has(fileId)
    ? el('file', [], { id: fileId })
    : el(
        'file',
        [el('name', file.fileName), el('pathurl', `${AUDIO_FOLDER}/${encodeURIComponent(file.fileName)}`), rateElement(rate), el('duration', file.frames), el('media', [el('audio', [el('channelcount', 2)])])],
        { id: fileId },
      )
  described.add(fileId)
  return el(
    'clipitem',
    [
      el('name', clip.name),
      el('enabled', 'TRUE'),
      el('duration', file.frames),
      rateElement(rate),
      el('start', clip.startFrame),
      el('end', clip.startFrame + clip.frames),
      el('in', clip.inFrame),
      el('out', clip.inFrame + clip.frames),
      fileElement,
      el('sourcetrack', [el('mediatype', 'audio'), el('trackindex', 1)]),
      ...audioLevelsOf(clip),
    ],
    { id: `audio-clipitem-${n}` },
  )
}

/** The clip's Audio Levels filter: keyframed when its level changes (the ducked soundtrack), else its one level (a shot's Volume); none at full level. */
function audioLevelsOf(clip: EditAudioClip): XmlElement[] {
  if (clip.levels) return [audioLevels(clip.levels[0]?.gain ?? 1, clip.levels.map((key) => ({ when: clip.inFrame + key.frame, gain: key.gain })))]
  return clip.level === undefined ? [] : [audioLevels(clip.level)]
}

/**
 * Final Cut Pro 7's Audio Levels filter: `level` is a linear gain (1 is 0 dB, its maximum
 * 3.98109 is +12 dB), which Premiere Pro and DaVinci Resolve read as the clip's volume. With
 * `keyframes`, the level goes in a straight line from each to the next; their `when` is in the
 * clip's source frames (as its `in` and `out` are), which is how Premiere Pro writes and reads them.
 */
function audioLevels(level: number, keyframes: readonly { when: number; gain: number }[] = []): XmlElement {
  const gain = (value: number) => Number(value.toFixed(4))
  const parameter = el('parameter', [
    el('parameterid', 'level'),
    el('name', 'Level'),
    el('valuemin', 0),
    el('valuemax', 3.98109),
    el('value', gain(level)),
    ...keyframes.map((key) => el('keyframe', [el('when', key.when), el('value', gain(key.gain))])),
  ])
  return el('filter', [
    el('effect', [el('name', 'Audio Levels'), el('effectid', 'audiolevels'), el('effectcategory', 'audiolevels'), el('effecttype', 'audiolevels'), el('mediatype', 'audio'), parameter]),
  ])
}

function rateElement(rate: EditRate): XmlElement {
  return el('rate', [el('timebase', rate.timebase), el('ntsc', rate.ntsc ? 'TRUE' : 'FALSE')])
}

function sampleCharacteristics({ rate, width, height }: EditTimeline): XmlElement {
  return el('samplecharacteristics', [
    rateElement(rate),
    el('width', width),
    el('height', height),
    el('anamorphic', 'FALSE'),
    el('pixelaspectratio', 'square'),
    el('fielddominance', 'none'),
  ])
}

function clipItem(clip: EditClip, n: number, timeline: EditTimeline): XmlElement {
  const { rate } = timeline
  const handle = handleFrames(rate)
  const sourceFrames = clip.frames + 2 * handle
  const notes = [clip.action, clip.dialogue].filter(Boolean).join('\n\n')
  return el(
    'clipitem',
    [
      el('name', clip.name),
      el('enabled', 'TRUE'),
      el('duration', sourceFrames),
      rateElement(rate),
      el('start', clip.startFrame),
      el('end', clip.startFrame + clip.frames),
      el('in', handle),
      el('out', handle + clip.frames),
      el(
        'file',
        [
          el('name', clip.fileName),
          el('pathurl', `${STILLS_FOLDER}/${encodeURIComponent(clip.fileName)}`),
          rateElement(rate),
          el('duration', sourceFrames),
          el('media', [el('video', [sampleCharacteristics(timeline)])]),
        ],
        { id: `file-${n}` },
      ),
      el('comments', [el('mastercomment1', clip.action), el('mastercomment2', clip.dialogue)]),
      ...(notes ? [el('marker', [el('name', clip.name), el('comment', notes), el('in', handle), el('out', -1)])] : []),
    ],
    { id: `clipitem-${n}` },
  )
}

/** A transition starting at `clip`'s first frame: a cross dissolve, or for a fade a dip to black. */
function transitionItem(clip: EditClip, transition: EditTransition, rate: EditRate): XmlElement {
  const effect =
    transition.kind === 'dissolve'
      ? [el('name', 'Cross Dissolve'), el('effectid', 'Cross Dissolve')]
      : [el('name', 'Dip to Color Dissolve'), el('effectid', 'Dip to Color Dissolve')]
  const black = el('parameter', [el('parameterid', 'color'), el('name', 'Color'), el('value', [el('alpha', 255), el('red', 0), el('green', 0), el('blue', 0)])])
  return el('transitionitem', [
    rateElement(rate),
    el('start', clip.startFrame),
    el('end', clip.startFrame + transition.frames),
    el('alignment', 'start'),
    el('effect', [
      ...effect,
      el('effectcategory', 'Dissolve'),
      el('effecttype', 'transition'),
      el('mediatype', 'video'),
      ...(transition.kind === 'dip-to-black' ? [black] : []),
    ]),
  ])
}
