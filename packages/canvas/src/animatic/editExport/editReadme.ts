import type { EditAudio } from './editAudio'
import type { EditTimeline } from './editTimeline'

/**
 * README.txt of the ZIP: what is in it and how each editing application imports it, honestly
 * (Final Cut Pro X reads FCPXML, not this XML, and needs a converter). With sound in `audio`, it
 * says where it is: in the audio folder, on the XML's audio tracks and in the EDL's audio events;
 * with the soundtrack ducked, that the XML carries it and the EDL cannot. An edit too long for one
 * EDL (cmx3600Edls) names its parts and how to put them together.
 */
export function editReadme(timeline: EditTimeline, files: { xml: string; edls: readonly string[] }, audio: EditAudio): string {
  const [firstEdl = '', ...moreEdls] = files.edls
  const edl = moreEdls.length === 0 ? firstEdl : `${firstEdl} … ${moreEdls.at(-1)}`
  const edlWhat =
    moreEdls.length === 0
      ? 'CMX3600 EDL, the same cut'
      : `CMX3600 EDLs, the same cut in ${files.edls.length} parts (an EDL holds at most 999 events):\n      each an unbroken stretch of the sequence at its own record timecodes; import them\n      in order onto one timeline. Each is`
  const sound = audio.files.length > 0
  const audioFolder = sound ? "\n  audio/       the board's soundtrack (soundtrack-…) and the shots' own sounds (010_…)" : ''
  const duckedNote = audio.soundtrack.some((clip) => clip.levels)
    ? "\n      (the soundtrack lowered under the shots' sounds by its Audio Levels keyframes,\n      as the animatic plays it; the EDL has no levels)"
    : ''
  const xmlAudio = sound ? `\n      with the soundtrack on audio track A1 and the shots' own sounds on A2${duckedNote}` : ''
  const edlAudio = sound
    ? "\n      with the soundtrack as A events and the shots' own sounds as A2, each sound file a reel\n      of its own (its file named on the event's FROM CLIP NAME)"
    : ''
  const avidMedia = sound ? 'the stills and the audio files' : 'the stills'
  const folders = sound ? 'the stills and audio\nfolders' : 'the stills\nfolder'
  const rate = timeline.rate.ntsc ? `${timeline.rate.fps.toFixed(3)} (NTSC)` : String(timeline.rate.fps)
  return `${timeline.title} — storyboard edit from Storyloom

What is here
  stills/      one PNG per shot (${timeline.width}×${timeline.height}), in the animatic's order: 010_…, 020_…${audioFolder}
  ${files.xml}  Final Cut Pro 7 XML (xmeml 4): one sequence, one clip per shot, with transitions${xmlAudio}
  ${edl}  ${edlWhat} (dissolves only; a fade comes through as a dissolve)${edlAudio}

The sequence runs ${timeline.clips.length} shot(s), ${timeline.totalFrames} frames at ${rate} fps, from 01:00:00:00.
Clip names are the board's shot numbers and titles; each clip's action and dialogue are in its
comments and on a marker. Unzip everything into one folder before importing, and keep ${folders} next to the XML and EDL.

Adobe Premiere Pro
  File > Import…, choose ${files.xml}. If Premiere asks where the media is, point it at one still in
  the stills folder; it finds the rest.

DaVinci Resolve
  File > Import > Timeline…, choose ${files.xml} (or the EDL). Leave "Automatically import source
  clips into media pool" ticked; if clips come in offline, relink them to the stills folder
  (Media Pool > Relink Clips).

Avid Media Composer
  Import ${avidMedia} (Source Browser, or File > Input > Import Media) into a bin,
  then open ${edl} with Avid EDL Manager, or cut by the EDL's timecodes and clip names.
  Avid does not read Final Cut Pro XML.

Final Cut Pro (X, 10.x and 11)
  Final Cut Pro X does not read Final Cut Pro 7 XML. Convert ${files.xml} with a converter such as
  7toX (Intelligent Assistance), then import the result; or import the stills and cut
  them by the EDL's timecodes. Final Cut Pro 7 itself imports the XML directly.
`
}
