import { useValue, type TLStore } from 'tldraw'
import { BOARD_SETTINGS_ID } from '@storyloom/shared/storyboard/boardSettingsRecord'
import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'
import { DEFAULT_SOUNDTRACK_DUCKING, type SoundtrackDucking } from '@storyloom/shared/storyboard/soundtrackDucking'

/** The board's soundtrack from its settings record (null: none), live as someone sets or removes it. */
export function boardSoundtrack(store: TLStore): BoardSoundtrack | null {
  return store.get(BOARD_SETTINGS_ID)?.soundtrack ?? null
}

/** {@link boardSoundtrack}, re-rendering when it changes. */
export function useBoardSoundtrack(store: TLStore): BoardSoundtrack | null {
  return useValue('board soundtrack', () => boardSoundtrack(store), [store])
}

/** How far the board's soundtrack is lowered under the shots' sounds (dB, 0: Off), live as an editor changes it. */
export function useBoardSoundtrackDucking(store: TLStore): SoundtrackDucking {
  return useValue('board soundtrack ducking', () => store.get(BOARD_SETTINGS_ID)?.soundtrackDucking ?? DEFAULT_SOUNDTRACK_DUCKING, [store])
}
