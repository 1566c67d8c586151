import { idsOf } from './vocabulary'

/**
 * How far the board's soundtrack is lowered while a shot's own sound plays (a board setting), as
 * an animatic editor ducks the temp score under a scratch line: in dB below its level, 0 for Off.
 */
export const SOUNDTRACK_DUCKING = [
  { id: 0, label: 'Off' },
  { id: 6, label: '−6 dB' },
  { id: 12, label: '−12 dB' },
  { id: 18, label: '−18 dB' },
] as const
/** A ducking amount: dB below the soundtrack's level (0: not lowered). */
export type SoundtrackDucking = (typeof SOUNDTRACK_DUCKING)[number]['id']
/** Every ducking amount. */
export const SOUNDTRACK_DUCKING_IDS = idsOf(SOUNDTRACK_DUCKING)

/**
 * The ducking a new board gets: a line read over temp music is heard at −12 dB without the music
 * vanishing. Boards saved before the setting existed read Off (their migration), so none changes
 * how it sounds until someone chooses to.
 */
export const DEFAULT_SOUNDTRACK_DUCKING: SoundtrackDucking = 12

/** The gain (0 to 1) the soundtrack plays at while ducked by `db`: 12 dB is about a quarter of its amplitude. */
export function duckedGain(db: SoundtrackDucking): number {
  return 10 ** (-db / 20)
}
