import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { describeTreeProblem, type VersionTreeProblem } from '@storyloom/shared/versions/versionTree'

/** The codes a version store error carries: the API's own, so routes pass them through. */
export type VersionStoreErrorCode =
  | typeof ApiErrorCode.versionNotFound
  | typeof ApiErrorCode.versionParentInvalid
  | typeof ApiErrorCode.versionCycle
  | typeof ApiErrorCode.versionChanged
  | typeof ApiErrorCode.assetNotFound
  | typeof ApiErrorCode.unsupportedMediaType
  | typeof ApiErrorCode.invalidSize
  | typeof ApiErrorCode.boardNotFound
  | typeof ApiErrorCode.invalidRequest

/** A refused version store call; nothing was written. */
export class VersionStoreError extends Error {
  override readonly name = 'VersionStoreError'
  constructor(
    readonly code: VersionStoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export function versionNotFound(versionId: string): VersionStoreError {
  return new VersionStoreError(ApiErrorCode.versionNotFound, `version ${versionId} does not exist on this board`)
}

/** A conditional delete or restore that found the take changed since the revision it names. */
export function versionChanged(versionId: string, expected: number, now: number): VersionStoreError {
  return new VersionStoreError(
    ApiErrorCode.versionChanged,
    `version ${versionId} was changed since (revision ${now}, not ${expected}): someone deleted or restored it`,
  )
}

/** The error for a parent link the tree refuses. */
export function treeProblemError(problem: VersionTreeProblem): VersionStoreError {
  const code = problem.kind === 'cycle' ? ApiErrorCode.versionCycle : ApiErrorCode.versionParentInvalid
  return new VersionStoreError(code, describeTreeProblem(problem))
}
