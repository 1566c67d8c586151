import type { BaseRecord, RecordId } from '@tldraw/store'
import { createCustomRecordMigrationIds, createCustomRecordMigrationSequence } from '@tldraw/tlschema'
import type { CustomRecordInfo } from '@tldraw/tlschema'
import type { JsonObject } from '@tldraw/utils'
import { T } from '@tldraw/validate'
import { soundtrackValidator, type BoardSoundtrack } from './soundtrack'
import { FRAME_GUIDE_IDS, type FrameGuides } from './frameGuides'
import { DEFAULT_SOUNDTRACK_DUCKING, SOUNDTRACK_DUCKING_IDS, type SoundtrackDucking } from './soundtrackDucking'
import { ASPECT_RATIO_IDS, idsOf } from './vocabulary'
import type { AspectRatio } from './vocabulary'

/** How shots are numbered: scene 3, shot 2 reads `3.2` (decimal) or `3B` (letter). */
export const NUMBERING_STYLES = [
  { id: 'decimal', label: 'Decimal (3.2)' },
  { id: 'letter', label: 'Letter (3B)' },
] as const
/** A numbering style id. */
export type NumberingStyle = (typeof NUMBERING_STYLES)[number]['id']
/** Every numbering style id. */
export const NUMBERING_STYLE_IDS = idsOf(NUMBERING_STYLES)

/** Frame rates for timecodes and exports. */
export const FRAME_RATES = [
  { id: 24, label: '24 fps (film)' },
  { id: 25, label: '25 fps (PAL)' },
  { id: 30, label: '30 fps (NTSC / web)' },
] as const
/** A frame rate. */
export type FrameRate = (typeof FRAME_RATES)[number]['id']
/** Every frame rate. */
export const FRAME_RATE_IDS = idsOf(FRAME_RATES)

/**
 * A board's storyboard settings. There is at most one per board, with the fixed id
 * {@link BOARD_SETTINGS_ID}, so two people creating it at once write the same record and the
 * last write wins. A board without one uses {@link DEFAULT_BOARD_SETTINGS}.
 */
export interface BoardSettingsRecord extends BaseRecord<'board_settings', BoardSettingsId> {
  numbering: NumberingStyle
  fps: FrameRate
  /** Aspect ratio new shots get. */
  defaultAspect: AspectRatio
  /** What Present plays under the animatic and Export video mixes in; null: silent. */
  soundtrack: BoardSoundtrack | null
  /** Composition guides drawn over every shot's frame on the canvas (never in prints or exports). */
  frameGuides: FrameGuides
  /** dB the soundtrack is lowered by while a shot's own sound plays, in Present and Export video (0: Off). */
  soundtrackDucking: SoundtrackDucking
  meta: JsonObject
}

/** Id of the board settings record. */
export type BoardSettingsId = RecordId<BoardSettingsRecord>

/** The only id a board settings record may have. */
export const BOARD_SETTINGS_ID = 'board_settings:board' as BoardSettingsId

declare module '@tldraw/tlschema' {
  interface TLGlobalRecordPropsMap {
    board_settings: BoardSettingsRecord
  }
}

/** The settings a person can change (everything but the record's identity and meta). */
export type BoardSettingsField = 'numbering' | 'fps' | 'defaultAspect' | 'soundtrack' | 'frameGuides' | 'soundtrackDucking'

/** The settings a board has until someone changes them. */
export const DEFAULT_BOARD_SETTINGS: Readonly<Pick<BoardSettingsRecord, BoardSettingsField>> = {
  numbering: 'decimal',
  fps: 24,
  defaultAspect: '16:9',
  soundtrack: null,
  frameGuides: 'none',
  soundtrackDucking: DEFAULT_SOUNDTRACK_DUCKING,
}

/** Validator for the board settings record; refuses any id but {@link BOARD_SETTINGS_ID}. */
export const boardSettingsValidator: T.Validator<BoardSettingsRecord> = T.model(
  'board_settings',
  T.object<BoardSettingsRecord>({
    id: T.literal(BOARD_SETTINGS_ID),
    typeName: T.literal('board_settings'),
    numbering: T.literalEnum(...NUMBERING_STYLE_IDS),
    fps: T.literalEnum(...FRAME_RATE_IDS),
    defaultAspect: T.literalEnum(...ASPECT_RATIO_IDS),
    soundtrack: soundtrackValidator.nullable(),
    frameGuides: T.literalEnum(...FRAME_GUIDE_IDS),
    soundtrackDucking: T.literalEnum(...SOUNDTRACK_DUCKING_IDS),
    meta: T.jsonValue as T.ObjectValidator<JsonObject>,
  }),
)

/** Migration ids for the board settings record. Append new versions at the end. */
export const boardSettingsVersions = createCustomRecordMigrationIds('board_settings', {
  /** The board's soundtrack; boards before it are silent. */
  AddSoundtrack: 1,
  /** Frame guides over the shots; boards before them show none. */
  AddFrameGuides: 2,
  /** Ducking the soundtrack under shot sounds; boards before it keep sounding as they did (Off). */
  AddSoundtrackDucking: 3,
})

/** Append-only migrations for board settings (sequence id `com.tldraw.board_settings`). */
export const boardSettingsMigrations = createCustomRecordMigrationSequence({
  sequence: [
    {
      id: boardSettingsVersions.AddSoundtrack,
      up: (record) => {
        record.soundtrack = null
      },
      down: (record) => {
        delete record.soundtrack
      },
    },
    {
      id: boardSettingsVersions.AddFrameGuides,
      up: (record) => {
        record.frameGuides = 'none'
      },
      down: (record) => {
        delete record.frameGuides
      },
    },
    {
      id: boardSettingsVersions.AddSoundtrackDucking,
      up: (record) => {
        record.soundtrackDucking = 0
      },
      down: (record) => {
        delete record.soundtrackDucking
      },
    },
  ],
})

/** Registration of the board settings record type for `createTLSchema({ records })`. */
export const boardSettingsRecordInfo: CustomRecordInfo = {
  scope: 'document',
  validator: boardSettingsValidator,
  migrations: boardSettingsMigrations,
  createDefaultProperties: () => ({ ...DEFAULT_BOARD_SETTINGS, meta: {} }),
}

/** A complete board settings record, defaults filled in. */
export function createBoardSettings(
  fields: Partial<Omit<BoardSettingsRecord, 'id' | 'typeName'>> = {},
): BoardSettingsRecord {
  return { id: BOARD_SETTINGS_ID, typeName: 'board_settings', ...DEFAULT_BOARD_SETTINGS, meta: {}, ...fields }
}

/** The board's settings from its records, or the defaults when it has none yet. */
export function findBoardSettings(records: Iterable<{ typeName: string; id: string }>): BoardSettingsRecord {
  for (const record of records) {
    if (record.typeName === 'board_settings' && record.id === BOARD_SETTINGS_ID) {
      return record as BoardSettingsRecord
    }
  }
  return createBoardSettings()
}
