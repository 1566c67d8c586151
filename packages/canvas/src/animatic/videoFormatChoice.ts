import { keepDeviceSetting, readDeviceSetting } from '../app/deviceSetting'

/** The video formats Export video makes, in the order it offers them: MP4 (H.264) first, as clients' players all open it. */
export const VIDEO_FORMAT_IDS = ['mp4', 'webm'] as const

/** A video format Export video makes. */
export type VideoFormatId = (typeof VIDEO_FORMAT_IDS)[number]

/** Where this device keeps the person's last choice (useTimecodeChoice keeps its own beside it). */
const KEY = 'storyloom:video-export:format'

/**
 * The format the dialog starts on: the one the person chose last time (`remembered`, as stored:
 * anything), when this browser can encode it; else the first it can encode; null when none.
 */
export function chooseVideoFormat(encodable: ReadonlySet<VideoFormatId>, remembered: string | null): VideoFormatId | null {
  const last = VIDEO_FORMAT_IDS.find((id) => id === remembered)
  if (last && encodable.has(last)) return last
  return VIDEO_FORMAT_IDS.find((id) => encodable.has(id)) ?? null
}

/** The format this person chose last time on this device, as stored (unchecked), or null. */
export function rememberedVideoFormat(): string | null {
  return readDeviceSetting(KEY)
}

/** Keeps `id` as this person's choice for their next export on this device. */
export function rememberVideoFormat(id: VideoFormatId): void {
  keepDeviceSetting(KEY, id)
}
