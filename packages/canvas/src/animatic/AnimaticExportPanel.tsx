import { useId, useMemo, useState, type ReactNode } from 'react'
import { formatClock } from '../presentation/playback'
import { downloadBlob, fileBaseName } from '../storyboard/plan/shotPlanFiles'
import { animaticFrameSpec, AnimaticExportError, canExportVideo, exportAnimatic, type AnimaticExportProgress } from './exportAnimatic'
import type { ExportPanelProps } from './ExportMenuItem'
import { ExportRunSteps } from './ExportRunSteps'
import { UnreadableShotsAlert } from './UnreadableShotsAlert'
import { useExportRun } from './useExportRun'
import { useTimecodeChoice } from './useTimecodeChoice'
import { useCameraMovesChoice } from './useCameraMovesChoice'
import { useVideoFormatChoice } from './useVideoFormatChoice'
import type { VideoFormatId } from './videoFormatChoice'
import { useBoardSoundtrack } from '../soundtrack/useBoardSoundtrack'
import { VideoFormatPicker } from './VideoFormatPicker'
import { rangeFileBase } from './exportRange'
import { ExportShotsChoice } from './ExportShotsChoice'
import { useExportRange } from './useExportRange'
import '../styles/animatic-export.css'
import '../styles/dialog.css'


/**
 * "Export video": the animatic as a video file, made in this browser. Offers which shots (the
 * whole board, a scene, the selected shots), says how long they run, offers the formats this browser can make (MP4 or WebM), captions, a burnt-in timecode and (on a
 * board with any) the shots' camera moves played on their pictures, then shows progress with
 * Cancel, and at the end which shots' pictures could not be loaded (their placeholder card is in
 * the video instead). Closing it cancels the export. The keyboard follows its steps: each puts it
 * on its first or main control, as the button it was on goes away.
 */
export function AnimaticExportPanel({ store, boardName, mediaUrl, onClose, selectedShotIds, presentedShotId }: ExportPanelProps) {
  const [captions, setCaptions] = useState(true)
  const [timecode, setTimecode] = useTimecodeChoice()
  const timecodeHint = useId()
  const soundtrack = useBoardSoundtrack(store)
  const [withSoundtrack, setWithSoundtrack] = useState(true)
  const [withShotSounds, setWithShotSounds] = useState(true)
  const [cameraMoves, setCameraMoves] = useCameraMovesChoice()
  const cameraMovesHint = useId()
  const { choice, range, emptyReason, emptyReasonId, choiceProps } = useExportRange(store, { selectedShotIds, presentedShotId })
  const moving = range.shots.some((shot) => shot.moves.length > 0)
  const voiced = range.shots.filter((shot) => shot.sound !== null).length
  const frame = useMemo(() => animaticFrameSpec(store.allRecords()), [store])
  const { encodable, silent, format, choose } = useVideoFormatChoice(frame)
  const withSound = (soundtrack !== null && withSoundtrack) || (voiced > 0 && withShotSounds)
  const { state, start, cancel, again } = useExportRun(
    async (signal, onProgress: (progress: AnimaticExportProgress) => void) => {
      // The button is disabled until a format is known.
      if (!format) throw new AnimaticExportError('This browser can make no video format.')
      const video = await exportAnimatic(store, { format, mediaUrl, captions, timecode, soundtrack: withSoundtrack, shotSounds: withShotSounds, cameraMoves, range: choice, signal, onProgress })
      const fileName = `${rangeFileBase(fileBaseName(boardName, 'animatic'), range)}${video.extension}`
      downloadBlob(fileName, video.blob)
      return { fileName, video }
    },
    (error) => (error instanceof AnimaticExportError ? error.message : 'The video could not be made.'),
  )

  if (!canExportVideo()) {
    return (
      <div className="dialog-body animatic-export">
        <p role="alert">This browser cannot make video files: it has no WebCodecs, or Storyloom is not opened over HTTPS. Try a recent Chrome, Edge or Safari, on an HTTPS address.</p>
        <Buttons>
          <button type="button" onClick={onClose} autoFocus>
            Close
          </button>
        </Buttons>
      </div>
    )
  }
  return (
    <div className="dialog-body animatic-export" aria-busy={state.step === 'running'}>
      {state.step === 'ready' && (
        <>
          <ExportShotsChoice {...choiceProps} />
          <p>
            The animatic as a video ({formatClock(range.totalSeconds)}), each shot for its duration, as Present plays it. It is made in this browser and downloads
            when done.
          </p>
          {encodable ? (
            <VideoFormatPicker encodable={encodable} format={format} silent={withSound ? silent : NO_FORMATS} onChoose={choose} autoFocus={!again} />
          ) : (
            <p role="status">Checking which formats this browser can make…</p>
          )}
          <label className="animatic-export__option">
            <input type="checkbox" checked={captions} onChange={(event) => setCaptions(event.currentTarget.checked)} />
            Show each shot’s number, title and dialogue
          </label>
          <div>
            <label className="animatic-export__option">
              <input type="checkbox" checked={timecode} aria-describedby={timecodeHint} onChange={(event) => setTimecode(event.currentTarget.checked)} />
              Timecode
            </label>
            <span id={timecodeHint} className="animatic-export__hint">
              The shot’s number and the timecode in the top right of every frame, from 01:00:00:00 as in Export for editing.
            </span>
          </div>
          {moving && (
            <div>
              <label className="animatic-export__option">
                <input type="checkbox" checked={cameraMoves} aria-describedby={cameraMovesHint} onChange={(event) => setCameraMoves(event.currentTarget.checked)} />
                Camera moves
              </label>
              <span id={cameraMovesHint} className="animatic-export__hint">
                Each shot’s pans, pushes and rolls play on its picture, as in Present.
              </span>
            </div>
          )}
          {soundtrack && (
            <label className="animatic-export__option">
              <input type="checkbox" checked={withSoundtrack} onChange={(event) => setWithSoundtrack(event.currentTarget.checked)} />
              Include soundtrack{soundtrack.name ? <>: <bdi>{soundtrack.name}</bdi></> : null}
            </label>
          )}
          {voiced > 0 && (
            <label className="animatic-export__option">
              <input type="checkbox" checked={withShotSounds} onChange={(event) => setWithShotSounds(event.currentTarget.checked)} />
              Include shot sounds ({voiced === 1 ? '1 shot' : `${voiced} shots`})
            </label>
          )}
          {/* Mounted again once the formats are known, for autoFocus to take. */}
          <Buttons key={encodable ? 'known' : 'checking'}>
            {/* Nothing to choose (no format this browser can make): the keyboard waits on Cancel. */}
            <button type="button" onClick={onClose} autoFocus={encodable?.size === 0}>
              Cancel
            </button>
            <button type="button" className="dialog-buttons__primary" onClick={start} disabled={!!emptyReason || !format} aria-describedby={emptyReason ? emptyReasonId : undefined} autoFocus={again}>
              Export video
            </button>
          </Buttons>
        </>
      )}
      <ExportRunSteps
        state={state}
        describeProgress={(progress) => ({ status: `Shot ${progress.shotIndex + 1} of ${progress.shots}…`, value: progress.frame, max: progress.totalFrames })}
        describeResult={({ fileName, video }) => (
          <>
            <p role="status">
              Downloaded <bdi>{fileName}</bdi> ({video.width}×{video.height}).
            </p>
            {video.silent && <p role="alert">{video.silent}</p>}
            <UnreadableShotsAlert shots={video.unreadable} what="the video shows" />
          </>
        )}
        cancel={cancel}
        retry={start}
        onClose={onClose}
      />
    </div>
  )
}

const NO_FORMATS: ReadonlySet<VideoFormatId> = new Set()

function Buttons({ children }: { children: ReactNode }) {
  return <div className="dialog-buttons">{children}</div>
}

