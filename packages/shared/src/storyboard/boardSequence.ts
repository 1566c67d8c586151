import { findBoardSettings } from './boardSettingsRecord'
import { shotNumbers } from './numbering'
import type { SceneRecord } from './sceneRecord'
import { buildSequence, newShotPlacement, insertShot, sequenceShotOf } from './sequence'
import type { Sequence } from './sequence'
import type { TLShotShape } from './shotShape'
import type { IndexKey } from '@tldraw/utils'

/**
 * A board's sequence and shot numbers straight from its records (a store snapshot, the doc's
 * records, an import): the glue between "whatever records a board holds" and the pure
 * ordering and numbering functions.
 */

/** Any board record; only scenes, shots and the settings are looked at. */
export type BoardRecordLike = { readonly id: string; readonly typeName: string }

/** The ordering view of a shot, as {@link sequenceShotOf} gives it. */
export type BoardSequenceShot = ReturnType<typeof sequenceShotOf>

/** Whether a record is a shot shape. */
export function isShotShape(record: BoardRecordLike): record is TLShotShape {
  return record.typeName === 'shape' && (record as { type?: unknown }).type === 'shot'
}

/** Whether a record is a scene. */
export function isSceneRecord(record: BoardRecordLike): record is SceneRecord {
  return record.typeName === 'scene'
}

/** The board's shots in reading order (scene → shot), from its records. */
export function boardSequence(records: Iterable<BoardRecordLike>): Sequence<BoardSequenceShot, SceneRecord> {
  const scenes: SceneRecord[] = []
  const shots: BoardSequenceShot[] = []
  for (const record of records) {
    if (isSceneRecord(record)) scenes.push(record)
    else if (isShotShape(record)) shots.push(sequenceShotOf(record))
  }
  return buildSequence(scenes, shots)
}

/** Every shot's number label ("3.2", or "3B" in the letter style), by shot id. */
export function boardShotNumbers(records: Iterable<BoardRecordLike>): Map<string, string> {
  const all = [...records]
  return shotNumbers(boardSequence(all), findBoardSettings(all).numbering)
}

/**
 * Scene and order key for a shot created now: after the selected shot when there is one,
 * else at the end of the last scene (or of the unassigned shots).
 */
export function newShotOrder(
  records: Iterable<BoardRecordLike>,
  selectedShotId: string | null,
): { sceneId: string | null; order: IndexKey } {
  const sequence = boardSequence(records)
  const { sceneId, order } = insertShot(sequence, newShotPlacement(sequence, selectedShotId))
  return { sceneId, order }
}
