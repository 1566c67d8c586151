import type { ShotSound } from '@storyloom/shared/storyboard/shotShape'
import { formatClock } from '../../presentation/playback'
import type { Parsed } from '../shotFieldParsing'

/** A sound's length as the inspector and the marks say it: "2.4 s" under a minute, "1:05.2" from one. */
export function formatSoundLength(seconds: number): string {
  const tenths = Math.floor(Math.max(seconds, 0) * 10)
  return tenths < 600 ? `${(tenths / 10).toFixed(1)} s` : formatClock(seconds)
}

/** What a shot's sound mark is called: "Sound: line-12.wav, 2.4 s" (a reviewer, sent no name: "Sound, 2.4 s"). */
export function shotSoundLabel(sound: Pick<ShotSound, 'name' | 'duration'>): string {
  const length = formatSoundLength(sound.duration)
  return sound.name ? `Sound: ${sound.name}, ${length}` : `Sound, ${length}`
}

/** A shot sound's Volume typed in percent: a whole number from 0 to 100 ("40", "40 %"). */
export function parseVolumePercent(text: string): Parsed<number> {
  const trimmed = text.trim().replace(/\s*%$/, '')
  const percent = Number(trimmed)
  if (!/^\d+$/.test(trimmed) || percent > 100) return { ok: false, message: 'Volume must be a whole percentage from 0 to 100.' }
  return { ok: true, value: percent }
}
