import { useId } from 'react'
import type { VideoFormatId } from './videoFormatChoice'
import { VIDEO_FORMATS } from './videoFormats'

type VideoFormatPickerProps = {
  encodable: ReadonlySet<VideoFormatId>
  format: VideoFormatId | null
  onChoose(id: VideoFormatId): void
  /** Puts the keyboard on the chosen format when it appears (the dialog's first control). */
  autoFocus: boolean
}

/** The export dialog's formats, as radio buttons: each says what it is for, or, disabled, why this browser cannot make it. */
export function VideoFormatPicker({ encodable, format, onChoose, autoFocus }: VideoFormatPickerProps) {
  const name = useId()
  return (
    <fieldset className="animatic-export__formats">
      <legend>Format</legend>
      {VIDEO_FORMATS.map((candidate) => {
        const possible = encodable.has(candidate.id)
        const about = `${name}-${candidate.id}`
        return (
          <div key={candidate.id} className="animatic-export__format">
            <label className="animatic-export__option">
              <input
                type="radio"
                name={name}
                value={candidate.id}
                checked={format === candidate.id}
                disabled={!possible}
                aria-describedby={about}
                autoFocus={autoFocus && format === candidate.id}
                onChange={() => onChoose(candidate.id)}
              />
              {candidate.label}
            </label>
            <span id={about} className={possible ? 'animatic-export__hint' : 'animatic-export__hint animatic-export__hint--unsupported'}>
              {possible ? candidate.hint : candidate.unsupported}
            </span>
          </div>
        )
      })}
    </fieldset>
  )
}
