import { useEffect, useState } from 'react'
import type { ClientConfig } from '@storyloom/shared/api/config'
import { api, succeed } from './apiClient'

/** Used when /api/config cannot be read (e.g. offline): no license key, which is fine on localhost. */
const fallbackConfig: ClientConfig = { tldrawLicenseKey: null, maxAssetBytes: 25 * 1024 * 1024, version: 'unknown' }

let cached: Promise<ClientConfig> | undefined

/** The server's client configuration, fetched once per page load. Never rejects. */
export function loadClientConfig(): Promise<ClientConfig> {
  cached ??= succeed(api.config.$get())
    .then((response) => response.json())
    .catch((error: unknown) => {
      console.warn('[storyloom] could not load /api/config; using defaults', error)
      cached = undefined // ask again next time
      return fallbackConfig
    })
  return cached
}

/** The client configuration, or undefined while it loads. */
export function useClientConfig(): ClientConfig | undefined {
  const [config, setConfig] = useState<ClientConfig>()
  useEffect(() => {
    let live = true
    void loadClientConfig().then((c) => live && setConfig(c))
    return () => {
      live = false
    }
  }, [])
  return config
}
