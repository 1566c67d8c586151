import { ApiError } from '../api/apiClient'

/** Why resolving (or, for a resolved thread, reopening) did not happen, as the thread says it: the server's reason, or that it was not reached. */
export function resolveFailure(resolved: boolean, cause: unknown): string {
  const what = resolved ? 'Not reopened' : 'Not resolved'
  return `${what}: ${cause instanceof ApiError ? cause.message : 'something went wrong; try again.'}`
}
