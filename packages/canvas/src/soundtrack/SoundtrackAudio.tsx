import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import type { SoundtrackAudioControl } from './useSoundtrackAudio'

type SoundtrackAudioProps = {
  soundtrack: BoardSoundtrack
  /** Where the file is loaded from (a review link's own asset route for a reviewer). */
  src: string
  /** Drives it along the playhead (useSoundtrackAudio). */
  control: SoundtrackAudioControl
}

/**
 * The board's soundtrack under the animatic: an `<audio>` (no controls of its own) that
 * useSoundtrackAudio keeps on the playhead — play, pause, steps, scrubs, Home/End, a presenter's playhead.
 */
export function SoundtrackAudio({ soundtrack, src, control }: SoundtrackAudioProps) {
  return (
    <audio
      ref={control.audio}
      className="presentation__soundtrack"
      src={src}
      preload="auto"
      data-soundtrack={soundtrack.src}
      onError={control.loadFailed}
    />
  )
}
