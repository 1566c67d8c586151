import type { CSSProperties } from 'react'
import type { TakeFileHeader } from '@storyloom/shared/versions/shotVersion'
import { unreadableReason } from './versionMedia'
import '../styles/versions-unreadable.css'

/**
 * Stands where an unreadable take's picture would be (see unreadableFile): the take stays in
 * the tree, its file is never loaded.
 */
export function UnreadableTake({ why, className, style }: { why: Exclude<TakeFileHeader, 'read'>; className: string; style?: CSSProperties }) {
  return (
    <span className={`${className} version-unreadable`} data-testid="take-unreadable" data-why={why} style={style} title={unreadableReason(why)}>
      Unreadable
    </span>
  )
}
