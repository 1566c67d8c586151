import { useValue, type TLStore } from 'tldraw'
import { presentationModel, type PresentationModel } from './presentationShots'

/** The board's animatic, recomputed whenever a shot, scene or the board settings change (live). */
export function usePresentationModel(store: TLStore): PresentationModel {
  return useValue('presentation model', () => presentationModel(store.allRecords()), [store])
}
