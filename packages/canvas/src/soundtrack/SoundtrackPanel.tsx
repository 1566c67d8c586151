import { useId, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { formatClock } from '../presentation/playback'
import { updateBoardSettings } from '../storyboard/scenes/sceneCommands'
import { uploadSoundtrack } from './boardAudioFile'
import { AudioFileInput } from './AudioFileInput'
import { useBoardSoundtrack } from './useBoardSoundtrack'
import { SoundtrackDuckingSelect } from './SoundtrackDuckingSelect'
import '../styles/dialog.css'
import '../styles/soundtrack.css'

type State = { step: 'idle' } | { step: 'uploading'; name: string } | { step: 'failed'; message: string }

/**
 * "Soundtrack…": the board's one audio file, which Present plays under the animatic and Export
 * video mixes in. Shows the file's name and length; Choose/Replace uploads another, Remove takes it
 * off (both undoable), "Starts at" skips a lead-in of the file, and "Duck soundtrack under shot
 * sounds" lowers it while a shot's own sound plays.
 */
export function SoundtrackPanel({ editor, boardId, onClose }: { editor: Editor; boardId: string; onClose(): void }) {
  const soundtrack = useBoardSoundtrack(editor.store)
  const [state, setState] = useState<State>({ step: 'idle' })
  const picker = useRef<HTMLInputElement>(null)
  const startId = useId()
  // The field's text while it is typed in; it is written to the board when it is left (or Enter).
  const [startText, setStartText] = useState<string | null>(null)

  const upload = (file: File) => {
    setState({ step: 'uploading', name: file.name })
    uploadSoundtrack(boardId, file).then(
      (next) => {
        updateBoardSettings(editor, { soundtrack: next })
        setState({ step: 'idle' })
      },
      (error: unknown) => setState({ step: 'failed', message: error instanceof Error ? error.message : 'The file could not be uploaded.' }),
    )
  }
  const commitStart = () => {
    if (startText === null || !soundtrack) return
    setStartText(null)
    const seconds = Number(startText)
    if (!Number.isFinite(seconds) || seconds < 0) return
    const startAt = Math.min(seconds, soundtrack.duration)
    if (startAt !== soundtrack.startAt) updateBoardSettings(editor, { soundtrack: { ...soundtrack, startAt } })
  }

  return (
    <div className="dialog-body soundtrack-panel" aria-busy={state.step === 'uploading'}>
      <p>Present plays it under the animatic, and Export video puts it in the file: scratch voice-over or temp music.</p>
      {soundtrack ? (
        <p className="soundtrack-panel__current">
          <bdi>{soundtrack.name || 'Soundtrack'}</bdi> · {formatClock(soundtrack.duration)}
        </p>
      ) : (
        <p className="soundtrack-panel__current">No soundtrack: the animatic is silent.</p>
      )}
      {soundtrack && (
        <p className="soundtrack-panel__start">
          <label htmlFor={startId}>Starts at</label>{' '}
          <input
            id={startId}
            type="number"
            min={0}
            max={Math.floor(soundtrack.duration * 10) / 10}
            step={0.1}
            value={startText ?? String(soundtrack.startAt)}
            onChange={(event) => setStartText(event.currentTarget.value)}
            onBlur={commitStart}
            onKeyDown={(event) => {
              if (event.key === 'Enter') commitStart()
            }}
            aria-describedby={`${startId}-unit`}
          />{' '}
          <span id={`${startId}-unit`}>seconds into the file, at the first shot</span>
        </p>
      )}
      <SoundtrackDuckingSelect editor={editor} />
      {state.step === 'uploading' && (
        <p role="status">
          Uploading <bdi>{state.name}</bdi>…
        </p>
      )}
      {state.step === 'failed' && <p role="alert">{state.message}</p>}
      <AudioFileInput inputRef={picker} label="Soundtrack file" onFile={upload} />
      <div className="dialog-buttons">
        {soundtrack && (
          <button type="button" onClick={() => updateBoardSettings(editor, { soundtrack: null })} disabled={state.step === 'uploading'}>
            Remove
          </button>
        )}
        <button type="button" onClick={() => picker.current?.click()} disabled={state.step === 'uploading'}>
          {soundtrack ? 'Replace…' : 'Choose audio file…'}
        </button>
        <button type="button" className="dialog-buttons__primary" onClick={onClose} autoFocus>
          Done
        </button>
      </div>
    </div>
  )
}
