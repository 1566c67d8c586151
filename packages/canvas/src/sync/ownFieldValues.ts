import type { TLRecord } from 'tldraw'
import {
  TYPED_SCENE_FIELDS,
  TYPED_SHOT_PROPS,
  fieldKey,
  typedFieldValue,
  typedFieldsOf,
  withTypedFields,
} from '@storyloom/shared/doc/typedFields'
import { mergeTypedText, typedTextLimit } from './mergeTypedText'
import { keepEditAcrossDelta, type TextDelta } from './textDelta'

const ALL_TYPED_FIELDS = [...TYPED_SHOT_PROPS, ...TYPED_SCENE_FIELDS]

/**
 * The value of each typed field (a shot's title, action, dialogue; a scene's name, slugline,
 * location) that this client last shared with the doc: the doc's text it last applied to its
 * store, or the store's value it last wrote. In the doc each typed field is a text of its own
 * (see `@storyloom/shared/doc/typedFields`); this client's edit of one is the difference between
 * this value and its store's, and only that difference is written. Diffing against the doc's
 * current text instead would count someone else's edit that this store has not shown yet as a
 * deletion by this client.
 */
export class OwnFieldValues {
  private readonly values = new Map<string, string>()

  /** The value this client last had of `field` of record `id` (for `putRecords`). */
  readonly valueOf = (id: string, field: string): string | undefined => this.values.get(fieldKey(id, field))

  /** Notes the typed fields of `record` as this client's: just applied from the doc, or just written to it. */
  note(record: TLRecord): void {
    const place = typedFieldsOf(record)
    if (!place) return
    for (const field of place.fields) {
      const value = typedFieldValue(record, place, field)
      if (value !== undefined) this.values.set(fieldKey(record.id, field), value)
    }
  }

  /**
   * For writing back `records` (merges of record values) without touching their typed fields:
   * answers each record's own text, so `putRecords` sees no edit of it. (Measured from this
   * client's value instead, a store that had refused the doc's value would write the doc's
   * edit a second time.)
   */
  static unchangedTexts(records: readonly TLRecord[]): (id: string, field: string) => string | undefined {
    const byId = new Map<string, TLRecord>(records.map((r) => [r.id, r]))
    return (id, field) => {
      const record = byId.get(id)
      const place = record && typedFieldsOf(record)
      return place ? typedFieldValue(record, place, field) : undefined
    }
  }

  /** Forgets a removed record's values. */
  forget(id: string): void {
    for (const field of ALL_TYPED_FIELDS) this.values.delete(fieldKey(id, field))
  }

  /** `record` with its typed fields empty, as the doc's record values hold them (for merging the rest). */
  blank(record: TLRecord): TLRecord {
    const place = typedFieldsOf(record)
    return place ? withTypedFields(record, place, () => '') : record
  }

  /** `target` with the typed fields of `source` (the same record). */
  withTextsOf(target: TLRecord, source: TLRecord): TLRecord {
    const place = typedFieldsOf(source)
    return place ? withTypedFields(target, place, (field) => typedFieldValue(source, place, field)) : target
  }

  /**
   * `fromDoc` (a record as the doc now holds it) with this client's own edits of its typed
   * fields that `local` (its store's value) holds and the doc does not yet. `deltaOf` gives the
   * change the doc's text just went through, if known: the edit is then kept where it belongs
   * in the new text (see `keepEditAcrossDelta`) — however many people's edits arrived at once.
   * Otherwise both are kept when they touch different parts of the text (see `mergeTypedText`).
   * Where they overlap, or the result would be too long, the doc's text is kept.
   */
  mergeTexts(fromDoc: TLRecord, local: TLRecord | undefined, deltaOf?: (id: string, field: string) => TextDelta | undefined): TLRecord {
    const place = typedFieldsOf(fromDoc)
    if (!place || !local) return fromDoc
    return withTypedFields(fromDoc, place, (field) => {
      const docText = typedFieldValue(fromDoc, place, field)
      const localText = typedFieldValue(local, place, field)
      const ownText = this.values.get(fieldKey(fromDoc.id, field))
      if (docText === undefined || localText === undefined || ownText === undefined) return undefined
      if (localText === ownText || localText === docText) return undefined
      if (docText === ownText) return localText
      const limit = typedTextLimit(fromDoc, field, place.inProps)
      if (limit === undefined) return undefined
      const delta = deltaOf?.(fromDoc.id, field)
      const kept = delta && keepEditAcrossDelta(ownText, localText, delta, docText)
      if (kept !== undefined) return kept.length <= limit ? kept : undefined
      return mergeTypedText(ownText, docText, localText, limit) ?? undefined
    })
  }
}
