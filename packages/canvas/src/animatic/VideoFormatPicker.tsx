import { useId } from 'react'
import type { VideoFormatId } from './videoFormatChoice'
import { silentFormatWarning, VIDEO_FORMATS } from './videoFormats'

type VideoFormatPickerProps = {
  encodable: ReadonlySet<VideoFormatId>
  format: VideoFormatId | null
  /** The formats that would make this export silent (their audio cannot be encoded here): each says so. Empty for an export without sound. */
  silent: ReadonlySet<VideoFormatId>
  onChoose(id: VideoFormatId): void
  /** Puts the keyboard on the chosen format when it appears (the dialog's first control). */
  autoFocus: boolean
}

/**
 * The export dialog's formats, as radio buttons: each says what it is for, or, disabled, why this
 * browser cannot make it; and, before an export with sound, when the video would be silent in it.
 */
export function VideoFormatPicker({ encodable, format, silent, onChoose, autoFocus }: VideoFormatPickerProps) {
  const name = useId()
  return (
    <fieldset className="animatic-export__formats">
      <legend>Format</legend>
      {VIDEO_FORMATS.map((candidate) => {
        const possible = encodable.has(candidate.id)
        const about = `${name}-${candidate.id}`
        const warning = silentFormatWarning(candidate.id, encodable, silent)
        return (
          <div key={candidate.id} className="animatic-export__format">
            <label className="animatic-export__option">
              <input
                type="radio"
                name={name}
                value={candidate.id}
                checked={format === candidate.id}
                disabled={!possible}
                aria-describedby={warning ? `${about} ${about}-silent` : about}
                autoFocus={autoFocus && format === candidate.id}
                onChange={() => onChoose(candidate.id)}
              />
              {candidate.label}
            </label>
            <span id={about} className={possible ? 'animatic-export__hint' : 'animatic-export__hint animatic-export__hint--unsupported'}>
              {possible ? candidate.hint : candidate.unsupported}
            </span>
            {warning && (
              <span id={`${about}-silent`} className="animatic-export__hint animatic-export__hint--unsupported">
                {warning}
              </span>
            )}
          </div>
        )
      })}
    </fieldset>
  )
}
