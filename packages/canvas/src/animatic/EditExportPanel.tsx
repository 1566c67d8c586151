import { useState } from 'react'
import { downloadBlob } from '../storyboard/plan/shotPlanFiles'
import { exportForEditing, type EditExportProgress } from './editExport/exportForEditing'
import { AnimaticExportError } from './exportAnimatic'
import type { ExportPanelProps } from './ExportMenuItem'
import { ExportRunSteps } from './ExportRunSteps'
import { UnreadableShotsAlert } from './UnreadableShotsAlert'
import { useExportRun } from './useExportRun'
import { ExportShotsChoice } from './ExportShotsChoice'
import { useExportRange } from './useExportRange'
import '../styles/animatic-export.css'

/**
 * "Export for editing": the animatic as a ZIP an editor imports (stills, sounds, Final Cut Pro 7 XML, EDL),
 * of the whole board, a scene or the selected shots, made in this browser, with progress and Cancel; at the end it names the shots whose pictures
 * could not be loaded (their still is the placeholder card) and the sounds left out. Closing it cancels the export. The
 * keyboard follows its steps, as in Export video.
 */
export function EditExportPanel({ store, boardName, mediaUrl, onClose, selectedShotIds }: ExportPanelProps) {
  const [captions, setCaptions] = useState(false)
  const { choice, emptyReason, emptyReasonId, choiceProps } = useExportRange(store, { selectedShotIds })
  const { state, start, cancel, again } = useExportRun(
    async (signal, onProgress: (progress: EditExportProgress) => void) => {
      const result = await exportForEditing(store, { boardName, mediaUrl, captions, range: choice, signal, onProgress })
      downloadBlob(result.fileName, result.blob)
      return result
    },
    (error) => (error instanceof AnimaticExportError ? error.message : 'The files for editing could not be made.'),
  )

  return (
    <div className="dialog-body animatic-export" aria-busy={state.step === 'running'}>
      {state.step === 'ready' && (
        <>
          <ExportShotsChoice {...choiceProps} />
          <p>
            A ZIP for an editor: a still of each shot, the soundtrack and the shots’ sounds, and the cut as Final Cut Pro 7 XML (Premiere Pro, DaVinci Resolve) and as an EDL (Avid and others),
            each shot for its duration at the board’s frame rate. It is made in this browser and downloads when done.
          </p>
          <label className="animatic-export__option">
            <input type="checkbox" checked={captions} onChange={(event) => setCaptions(event.currentTarget.checked)} autoFocus={!again} />
            Show each shot’s number, title and dialogue on its still
          </label>
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="dialog-buttons__primary" onClick={start} disabled={!!emptyReason} aria-describedby={emptyReason ? emptyReasonId : undefined} autoFocus={again}>
              Export for editing
            </button>
          </div>
        </>
      )}
      <ExportRunSteps
        state={state}
        describeProgress={(progress) => ({ status: `Shot ${Math.min(progress.done + 1, progress.shots)} of ${progress.shots}…`, value: progress.done, max: progress.shots })}
        describeResult={({ fileName, width, height, unreadable, missingSounds }) => (
          <>
            <p role="status">
              Downloaded <bdi>{fileName}</bdi> (stills {width}×{height}).
            </p>
            <UnreadableShotsAlert shots={unreadable} what="their stills show" />
            {missingSounds.length > 0 && (
              <div role="alert" className="animatic-export__problems">
                <p>These sounds could not be loaded and are not in the ZIP:</p>
                <ul>
                  {missingSounds.map((what) => (
                    <li key={what}>{what}</li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
        cancel={cancel}
        retry={start}
        onClose={onClose}
      />
    </div>
  )
}
