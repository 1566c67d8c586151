import { useEffect, useRef, useState } from 'react'

/** Where an export dialog is: ready to start, running (with its latest progress), done, or failed with a message for the user. */
export type ExportRunState<Progress, Result> =
  | { step: 'ready' }
  | { step: 'running'; progress: Progress | null }
  | { step: 'done'; result: Result }
  | { step: 'failed'; message: string }

/**
 * The steps of an export made in the browser (Export video, Export for editing): `run` started
 * with an abort signal and a progress callback, cancelled by `cancel` or when the dialog goes
 * (unmounts). A cancelled run goes back to ready with `again` set, for the keyboard to go to the
 * export button rather than the first option. `failureMessage` turns an error into what the user reads.
 */
export function useExportRun<Progress, Result>(
  run: (signal: AbortSignal, onProgress: (progress: Progress) => void) => Promise<Result>,
  failureMessage: (error: unknown) => string,
) {
  const [state, setState] = useState<ExportRunState<Progress, Result>>({ step: 'ready' })
  const running = useRef<AbortController | null>(null)
  const [again, setAgain] = useState(false)
  useEffect(() => () => running.current?.abort(), [])

  const start = () => {
    const abort = new AbortController()
    running.current = abort
    setState({ step: 'running', progress: null })
    run(abort.signal, (progress) => setState({ step: 'running', progress })).then(
      (result) => setState({ step: 'done', result }),
      (error: unknown) => {
        if (abort.signal.aborted) {
          setAgain(true)
          return setState({ step: 'ready' })
        }
        console.error('export failed', error)
        setState({ step: 'failed', message: failureMessage(error) })
      },
    )
  }
  return { state, start, cancel: () => running.current?.abort(), again }
}
