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
 * transition always has picture to use. Files are found relative to the XML (`stills/…`).
 */
export function finalCutXml(timeline: EditTimeline): string {
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
      el('media', [el('video', [el('format', [sampleCharacteristics(timeline)]), el('track', track)])]),
    ],
    { id: 'sequence-1' },
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xmeml>\n${renderXml(el('xmeml', [sequence], { version: '4' }))}\n`
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
