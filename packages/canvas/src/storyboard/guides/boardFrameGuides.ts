import { useValue, type TLStore } from 'tldraw'
import { BOARD_SETTINGS_ID } from '@storyloom/shared/storyboard/boardSettingsRecord'
import type { FrameGuides } from '@storyloom/shared/storyboard/frameGuides'

/** The board's frame guides setting, re-rendering when someone changes it. */
export function useBoardFrameGuides(store: TLStore): FrameGuides {
  return useValue('frame guides', () => store.get(BOARD_SETTINGS_ID)?.frameGuides ?? 'none', [store])
}
