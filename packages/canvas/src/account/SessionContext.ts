import { createContext, useContext } from 'react'
import type { SessionResponse } from '@storyloom/shared/api/accounts'

/**
 * Who uses the app. `session` is undefined when the server could not be asked (offline):
 * boards still open from this device's copy.
 */
export type AccountState = {
  session: SessionResponse | undefined
  /** Asks the server again (after signing in or out). */
  refresh(): Promise<void>
}

export const SessionContext = createContext<AccountState>({ session: undefined, refresh: async () => {} })

export function useAccount(): AccountState {
  return useContext(SessionContext)
}
