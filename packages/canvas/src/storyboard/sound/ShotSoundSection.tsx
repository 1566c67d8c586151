import { useEffect, useId, useRef, useState } from 'react'
import { useEditor } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { useBoardSession } from '../../board/BoardSessionContext'
import { uploadBoardAudio } from '../../soundtrack/boardAudioFile'
import { AudioFileInput } from '../../soundtrack/AudioFileInput'
import { formatSoundLength } from './shotSoundText'
import { setShotSound } from './setShotSound'
import { ShotSoundVolume } from './ShotSoundVolume'
import '../../styles/shot-sound.css'

type State = { step: 'idle' } | { step: 'uploading'; name: string } | { step: 'failed'; message: string }

/**
 * The inspector's Sound: the shot's own audio file (a line of dialogue, an effect), which Present
 * plays from the shot's first frame and Export video mixes in. Shows its name and length with a
 * Play/Stop preview and its Volume; editors add one (Add sound… uploads it to the board), replace
 * it (at the same Volume) or remove it.
 * A file that is not audio, or too large, is refused with why, and the shot keeps what it had.
 */
export function ShotSoundSection({ shape }: { shape: TLShotShape }) {
  const editor = useEditor()
  const { boardId } = useBoardSession()
  const { sound } = shape.props
  const readonly = editor.getIsReadonly()
  const [state, setState] = useState<State>({ step: 'idle' })
  const picker = useRef<HTMLInputElement>(null)
  const preview = useRef<HTMLAudioElement>(null)
  const [playing, setPlaying] = useState(false)
  const headingId = useId()
  // Another shot, or another file: the section starts afresh.
  useEffect(() => setState({ step: 'idle' }), [shape.id])

  const upload = (file: File) => {
    setState({ step: 'uploading', name: file.name })
    uploadBoardAudio(boardId, file).then(
      (next) => {
        setShotSound(editor, shape.id, next)
        setState({ step: 'idle' })
      },
      (error: unknown) => setState({ step: 'failed', message: error instanceof Error ? error.message : 'The file could not be uploaded.' }),
    )
  }
  const togglePreview = () => {
    const audio = preview.current
    if (!audio) return
    if (!audio.paused) {
      audio.pause()
      audio.currentTime = 0
      return
    }
    audio.play().catch(() => setPlaying(false))
  }

  return (
    <div className="shot-inspector__sound" role="group" aria-labelledby={headingId} aria-busy={state.step === 'uploading'}>
      <span id={headingId} className="shot-inspector__label">Sound</span>
      {sound ? (
        <div className="shot-inspector__sound-file">
          <span className="shot-inspector__sound-name" data-testid="shot-sound-name">
            <bdi>{sound.name || 'Sound'}</bdi> · {formatSoundLength(sound.duration)}
          </span>
          <button type="button" aria-pressed={playing} onClick={togglePreview}>
            {playing ? 'Stop' : 'Play'}
          </button>
          <audio
            ref={preview}
            src={sound.src}
            preload="none"
            data-testid="shot-sound-preview"
            onPlay={() => setPlaying(true)}
            onPause={() => setPlaying(false)}
            onEnded={() => setPlaying(false)}
          />
        </div>
      ) : (
        <p className="shot-inspector__sound-none">No sound of its own.</p>
      )}
      {sound && <ShotSoundVolume shape={shape} />}
      {state.step === 'uploading' && (
        <p role="status">
          Uploading <bdi>{state.name}</bdi>…
        </p>
      )}
      {state.step === 'failed' && <p role="alert">{state.message}</p>}
      {!readonly && (
        <div className="shot-inspector__sound-buttons">
          <AudioFileInput inputRef={picker} label="Sound file" onFile={upload} />
          <button type="button" onClick={() => picker.current?.click()} disabled={state.step === 'uploading'}>
            {sound ? 'Replace…' : 'Add sound…'}
          </button>
          {sound && (
            <button type="button" onClick={() => setShotSound(editor, shape.id, null)} disabled={state.step === 'uploading'}>
              Remove
            </button>
          )}
        </div>
      )}
    </div>
  )
}
