/**
 * Logging for the sync endpoint. Messages carry board and connection ids and error names or
 * messages, never message payloads or document content.
 */

/** Where a log line comes from. */
export type SyncLogContext = { boardId?: string; connection?: number }

function prefix(context: SyncLogContext): string {
  const parts = ['[sync]']
  if (context.boardId !== undefined) parts.push(`board=${context.boardId}`)
  if (context.connection !== undefined) parts.push(`conn=${context.connection}`)
  return parts.join(' ')
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === 'string' ? error : 'unknown error'
  const cause = error.cause === undefined ? '' : `; cause: ${describe(error.cause)}`
  return `${error.name}: ${error.message}${cause}`
}

/** Something went wrong on the server's side. */
export function logSyncError(context: SyncLogContext, what: string, error?: unknown): void {
  console.error(`${prefix(context)} ${what}${error === undefined ? '' : ` (${describe(error)})`}`)
}

/** A client misbehaved or something recoverable happened. */
export function logSyncWarning(context: SyncLogContext, what: string, error?: unknown): void {
  console.warn(`${prefix(context)} ${what}${error === undefined ? '' : ` (${describe(error)})`}`)
}
