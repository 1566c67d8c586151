import type { ShotSound } from '@storyloom/shared/storyboard/shotShape'
import { shotSoundLabel } from './shotSoundText'
import '../../styles/shot-sound.css'

/**
 * A small speaker on a shot (its panel's header, its strip card) when it has a sound of its own,
 * named for screen readers and in its tooltip ("Sound: line-12.wav, 2.4 s"); a control it sits in
 * is described by it (`id`).
 */
export function ShotSoundMark({ sound, id, className }: { sound: ShotSound; id?: string; className?: string }) {
  const label = shotSoundLabel(sound)
  return (
    <span id={id} className={className ? `shot-sound-mark ${className}` : 'shot-sound-mark'} data-testid="shot-sound-mark" role="img" aria-label={label} title={label}>
      <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
        <path d="M1 3.5h2L5.5 1.2v7.6L3 6.5H1z" fill="currentColor" />
        <path d="M7 3.2a2.4 2.4 0 0 1 0 3.6M8.2 2a4 4 0 0 1 0 6" fill="none" stroke="currentColor" strokeWidth="1" strokeLinecap="round" />
      </svg>
    </span>
  )
}
