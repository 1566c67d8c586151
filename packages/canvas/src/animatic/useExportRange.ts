import { useId, useMemo, useState } from 'react'
import type { TLStore } from 'tldraw'
import { presentationModel } from '../presentation/presentationShots'
import { emptyRangeReason, exportRange, exportRangeOffer, type ExportRangeChoice } from './exportRange'
import type { ExportShotsChoiceProps } from './ExportShotsChoice'

/** Where an export dialog was opened: the shots selected on the canvas then, or the shot on screen in Present. */
export interface ExportRangeOrigin {
  /** The shapes selected on the canvas when the main menu's dialog opened. */
  readonly selectedShotIds?: readonly string[]
  /** Set when opened from Present: the shot on screen then (null: none). */
  readonly presentedShotId?: string | null
}

/**
 * An export dialog's Shots choice over the board as it was when the dialog opened: what it
 * offers, what is chosen (the whole board at first) and the shots that takes (exportRange.ts);
 * when those are none, why (`emptyReason`, shown under the choice as `emptyReasonId`, which
 * describes the disabled Export button). `choiceProps` are ExportShotsChoice's.
 */
export function useExportRange(store: TLStore, { selectedShotIds, presentedShotId }: ExportRangeOrigin) {
  const model = useMemo(() => presentationModel(store.allRecords()), [store])
  // Taken when the dialog opened, as the selection and the shot on screen were then.
  const [offer] = useState(() => exportRangeOffer(model, { selectedShotIds, presentedShotId }))
  const [choice, setChoice] = useState<ExportRangeChoice>({ kind: 'board' })
  const range = useMemo(() => exportRange(model, choice), [model, choice])
  const selection = useMemo((): ExportRangeChoice => ({ kind: 'selection', shotIds: selectedShotIds ?? [] }), [selectedShotIds])
  const emptyReason = emptyRangeReason(range)
  const emptyReasonId = useId()
  const choiceProps: ExportShotsChoiceProps = {
    offer,
    choice,
    selection,
    onChoose: setChoice,
    reason: emptyReason,
    reasonId: emptyReasonId,
    presented: presentedShotId !== undefined,
  }
  return { choice, range, emptyReason, emptyReasonId, choiceProps }
}
