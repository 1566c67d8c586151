import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { TLStore } from 'tldraw'
import { formatClock } from '../presentation/playback'
import { presentationModel } from '../presentation/presentationShots'
import { downloadBlob, fileBaseName } from '../storyboard/plan/shotPlanFiles'
import { UNTITLED_SHOT } from '../storyboard/shotTitleText'
import { animaticFrameSpec, AnimaticExportError, canExportVideo, exportAnimatic, type AnimaticExportProgress, type AnimaticVideo } from './exportAnimatic'
import { useVideoFormatChoice } from './useVideoFormatChoice'
import { useBoardSoundtrack } from '../soundtrack/useBoardSoundtrack'
import { VideoFormatPicker } from './VideoFormatPicker'
import '../styles/animatic-export.css'
import '../styles/dialog-buttons.css'

type AnimaticExportPanelProps = {
  store: TLStore
  /** The board's name, for the file's; undefined while unknown (the file is then "animatic.mp4"). */
  boardName: string | undefined
  mediaUrl(src: string): string
  onClose(): void
}

type State =
  | { step: 'ready' }
  | { step: 'running'; progress: AnimaticExportProgress | null }
  | { step: 'done'; fileName: string; video: AnimaticVideo }
  | { step: 'failed'; message: string }

/**
 * "Export video": the animatic as a video file, made in this browser. Says how long it runs,
 * offers the formats this browser can make (MP4 or WebM) and captions, then shows progress with
 * Cancel, and at the end which shots' pictures could not be loaded (their placeholder card is in
 * the video instead). Closing it cancels the export. The keyboard follows its steps: each puts it
 * on its first or main control, as the button it was on goes away.
 */
export function AnimaticExportPanel({ store, boardName, mediaUrl, onClose }: AnimaticExportPanelProps) {
  const [state, setState] = useState<State>({ step: 'ready' })
  const [captions, setCaptions] = useState(true)
  const soundtrack = useBoardSoundtrack(store)
  const [withSoundtrack, setWithSoundtrack] = useState(true)
  const running = useRef<AbortController | null>(null)
  // Whether the person came back to the start from an export (Cancel): the keyboard goes to Export video, not the format.
  const [again, setAgain] = useState(false)
  const total = useMemo(() => presentationModel(store.allRecords()).totalSeconds, [store])
  const frame = useMemo(() => animaticFrameSpec(store.allRecords()), [store])
  const { encodable, format, choose } = useVideoFormatChoice(frame)
  useEffect(() => () => running.current?.abort(), [])

  const start = () => {
    if (!format) return
    const abort = new AbortController()
    running.current = abort
    setState({ step: 'running', progress: null })
    exportAnimatic(store, { format, mediaUrl, captions, soundtrack: withSoundtrack, signal: abort.signal, onProgress: (progress) => setState({ step: 'running', progress }) }).then(
      (video) => {
        const fileName = `${fileBaseName(boardName, 'animatic')}${video.extension}`
        downloadBlob(fileName, video.blob)
        setState({ step: 'done', fileName, video })
      },
      (error: unknown) => {
        if (abort.signal.aborted) {
          setAgain(true)
          return setState({ step: 'ready' })
        }
        console.error('video export failed', error)
        setState({ step: 'failed', message: error instanceof AnimaticExportError ? error.message : 'The video could not be made.' })
      },
    )
  }

  if (!canExportVideo()) {
    return (
      <div className="animatic-export">
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
    <div className="animatic-export" aria-busy={state.step === 'running'}>
      {state.step === 'ready' && (
        <>
          <p>
            The animatic as a video ({formatClock(total)}), each shot for its duration, as Present plays it. It is made in this browser and downloads
            when done.
          </p>
          {encodable ? (
            <VideoFormatPicker encodable={encodable} format={format} onChoose={choose} autoFocus={!again} />
          ) : (
            <p role="status">Checking which formats this browser can make…</p>
          )}
          <label className="animatic-export__option">
            <input type="checkbox" checked={captions} onChange={(event) => setCaptions(event.currentTarget.checked)} />
            Show each shot’s number, title and dialogue
          </label>
          {soundtrack && (
            <label className="animatic-export__option">
              <input type="checkbox" checked={withSoundtrack} onChange={(event) => setWithSoundtrack(event.currentTarget.checked)} />
              Include soundtrack{soundtrack.name ? <>: <bdi>{soundtrack.name}</bdi></> : null}
            </label>
          )}
          {/* Mounted again once the formats are known, for autoFocus to take. */}
          <Buttons key={encodable ? 'known' : 'checking'}>
            {/* Nothing to choose (no format this browser can make): the keyboard waits on Cancel. */}
            <button type="button" onClick={onClose} autoFocus={encodable?.size === 0}>
              Cancel
            </button>
            <button type="button" className="dialog-buttons__primary" onClick={start} disabled={total === 0 || !format} autoFocus={again}>
              Export video
            </button>
          </Buttons>
        </>
      )}
      {state.step === 'running' && (
        <>
          <p role="status">{state.progress ? `Shot ${state.progress.shotIndex + 1} of ${state.progress.shots}…` : 'Starting…'}</p>
          <progress className="animatic-export__progress" aria-label="Export progress" max={state.progress?.totalFrames ?? 1} value={state.progress?.frame ?? 0} />
          <Buttons>
            <button type="button" onClick={() => running.current?.abort()} autoFocus>
              Cancel
            </button>
          </Buttons>
        </>
      )}
      {state.step === 'done' && (
        <>
          <p role="status">
            Downloaded <bdi>{state.fileName}</bdi> ({state.video.width}×{state.video.height}).
          </p>
          {state.video.silent && <p role="alert">{state.video.silent}</p>}
          {state.video.unreadable.length > 0 && (
            <div role="alert" className="animatic-export__problems">
              <p>These shots’ pictures could not be loaded; the video shows their placeholder card instead:</p>
              <ul>
                {state.video.unreadable.map((shot) => (
                  <li key={shot.id}>
                    Shot {shot.number} · {shot.title ? <bdi>{shot.title}</bdi> : UNTITLED_SHOT}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Buttons>
            <button type="button" className="dialog-buttons__primary" onClick={onClose} autoFocus>
              Close
            </button>
          </Buttons>
        </>
      )}
      {state.step === 'failed' && (
        <>
          <p role="alert">{state.message}</p>
          <Buttons>
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="dialog-buttons__primary" onClick={start} autoFocus>
              Try again
            </button>
          </Buttons>
        </>
      )}
    </div>
  )
}

function Buttons({ children }: { children: ReactNode }) {
  return <div className="dialog-buttons">{children}</div>
}

