import { useCallback, useEffect, useRef, useState } from 'react'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { ApiError } from '../api/apiClient'
import { listShotVersions } from '../api/versionsApi'

export interface ShotVersionsState {
  versions: ShotVersion[]
  loading: boolean
  error: string | null
  /** Re-reads the tree now. */
  reload(): void
  /** Puts a version the server just returned into the list (new, or changed) without a round trip. */
  upsert(version: ShotVersion): void
}

/**
 * A shot's versions (deleted ones included), read from the server when the shot or
 * `refreshKey` changes: its active version, and the board event channel's note that its
 * versions changed or that the channel reconnected (so nothing missed while away stays
 * missing, and no polling is needed).
 */
export function useShotVersions(boardId: string, shotId: string, refreshKey: string): ShotVersionsState {
  const [versions, setVersions] = useState<ShotVersion[]>([])
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const shownShot = useRef(shotId)

  useEffect(() => {
    if (shownShot.current !== shotId) {
      shownShot.current = shotId
      setVersions([])
      setLoading(true)
    }
    const controller = new AbortController()
    listShotVersions(boardId, shotId, controller.signal).then(
      (list) => {
        setVersions(list)
        setError(null)
        setLoading(false)
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return
        setError(cause instanceof ApiError ? cause.message : 'Could not load the versions.')
        setLoading(false)
      },
    )
    return () => controller.abort()
  }, [boardId, shotId, refreshKey, tick])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  const upsert = useCallback((version: ShotVersion) => {
    setVersions((list) => {
      const at = list.findIndex((v) => v.id === version.id)
      if (at === -1) return [...list, version]
      const next = list.slice()
      next[at] = version
      return next
    })
  }, [])
  return { versions, loading, error, reload, upsert }
}
