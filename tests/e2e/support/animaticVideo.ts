import { readFile, writeFile } from 'node:fs/promises'
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny'
import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { AspectRatio, Transition } from '@storyloom/shared/storyboard/vocabulary'
import { createBoard } from './boardPage'
import { test } from './fixtures'
import { solidPng } from './pngImage'
import { pagesOf } from '../../support/boardFixtures'
import { connectClient, syncUrlOf } from '../../support/syncClient'

/** Export video (animaticExport.spec.ts, animaticExportFormats.spec.ts). */

export type Rgb = [number, number, number]
/** Present's placeholder card for a shot with neither image nor sketch (drawShotFrame's CARD). */
export const CARD: Rgb = [0x2b, 0x2b, 0x30]
/** The frame's white paper, under a shot's sketch. */
export const PAPER: Rgb = [255, 255, 255]
/** The board's frame rate (the default). */
export const FPS = 24

/**
 * A shot of the test board: its duration, and the colour of its solid image (none: its placeholder
 * card); how it comes in (a cut when not given) and over how many seconds.
 */
export type TestShot = {
  title: string
  duration: number
  image: Rgb | 'broken' | null
  dialogue?: string
  transitionIn?: Transition
  transitionInSeconds?: number
  /** Which of the board's scenes it is in (0-based; the first unless given). */
  scene?: number
  /** Its own sound (uploaded, named for the shot: "Gulls.wav"), at full Volume. */
  sound?: TestSoundtrack
}

/** A board's soundtrack as a test sets it: a WAV file (makeWav) and its length in seconds. */
export type TestSoundtrack = { wav: Uint8Array<ArrayBuffer>; seconds: number }

/** Uploads `bytes` to the board's asset store; its URL. */
async function uploadAsset(serverUrl: string, boardId: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const response = await fetch(`${serverUrl}/api/boards/${boardId}/assets`, { method: 'POST', body: bytes })
  return ((await response.json()) as { url: string }).url
}

/**
 * Someone's client writes a scene of `shots` onto a new board named `name`, each image uploaded
 * first (and each shot's own sound); with `aspect`, the board's settings give new shots (and so the
 * video) that aspect ratio; with `soundtrack`, the board has it (uploaded, as "soundtrack.wav",
 * ducked under the shots' sounds by a new board's −12 dB); with `scenes`, the board has
 * those scenes (named so, in that order) rather than one "Opening", each shot in its `scene`.
 */
export async function boardWithShots(
  serverUrl: string,
  name: string,
  shots: TestShot[],
  { aspect, soundtrack, scenes: sceneNames = ['Opening'] }: { aspect?: AspectRatio; soundtrack?: TestSoundtrack; scenes?: string[] } = {},
): Promise<string> {
  const boardId = await createBoard(serverUrl, name)
  const srcs = await Promise.all(
    shots.map(async ({ image }) => {
      if (image === null) return null
      if (image === 'broken') return `/api/boards/${boardId}/assets/missing.png`
      return uploadAsset(serverUrl, boardId, new Uint8Array(solidPng(320, 180, image)))
    }),
  )
  const shotSounds = await Promise.all(
    shots.map(async ({ title, sound }) =>
      sound ? { src: await uploadAsset(serverUrl, boardId, sound.wav), mimeType: 'audio/wav' as const, name: `${title}.wav`, duration: sound.seconds } : null,
    ),
  )
  const sound = soundtrack && {
    src: await uploadAsset(serverUrl, boardId, soundtrack.wav),
    mimeType: 'audio/wav' as const,
    name: 'soundtrack.wav',
    duration: soundtrack.seconds,
    startAt: 0,
  }
  const client = connectClient(syncUrlOf(serverUrl), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const scenes = sceneNames.map((name, i) => createScene({ order: `a${i + 1}` as never, name }))
  const records = shots.map(({ title, duration, dialogue, transitionIn, transitionInSeconds, scene = 0 }, i) =>
    createShotShape({
      parentId: page.id as never,
      index: `a${i + 1}` as never,
      x: i * 400,
      props: {
        sceneId: scenes[scene]!.id,
        order: `a${i + 1}` as never,
        title,
        duration,
        dialogue: dialogue ?? '',
        transitionIn: transitionIn ?? 'cut',
        transitionInSeconds: transitionInSeconds ?? null,
        aspect: aspect ?? '16:9',
        media: srcs[i] ? { assetId: `asset:picture${i}` as never, src: srcs[i], kind: 'image' } : null,
        sound: shotSounds[i] ?? null,
      },
    }),
  )
  const settings = aspect || sound ? [createBoardSettings({ ...(aspect ? { defaultAspect: aspect } : {}), ...(sound ? { soundtrack: sound } : {}) })] : []
  client.doc.transact(() => putRecords(client.doc, [...settings, ...scenes, ...records] as never))
  client.destroy()
  return boardId
}

/** The export dialog's format choices, by their labels. */
export type FormatLabel = 'MP4 (H.264)' | 'WebM'

/** Opens "Export video…" from the open board's main menu; resolves with its panel. */
export async function openExportDialog(page: Page) {
  await page.getByTestId('main-menu.button').click()
  await page.getByRole('menuitem', { name: 'Export video…' }).click()
  return page.locator('.animatic-export')
}

/**
 * Exports the open board's animatic from the main menu, in `format` when given (else the one the
 * dialog chose), with Timecode ticked or unticked when `timecode` is given (else as the dialog
 * remembers it); resolves with the downloaded file's name and bytes.
 */
export async function exportVideo(page: Page, format?: FormatLabel, { timecode }: { timecode?: boolean } = {}): Promise<{ name: string; bytes: Buffer }> {
  const panel = await openExportDialog(page)
  if (format) await panel.getByRole('radio', { name: format }).check()
  if (timecode !== undefined) await panel.getByRole('checkbox', { name: 'Timecode' }).setChecked(timecode)
  const download = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Export video', exact: true }).click()
  const file = await download
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) }
}

/** The video file `bytes` as a player reads it: its container, its video track's codec and size, its duration. */
export async function readVideo(bytes: Buffer): Promise<{ mimeType: string; codec: string | null; codecString: string | null; size: [number, number]; duration: number }> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS })
  const track = await input.getPrimaryVideoTrack()
  if (!track) throw new Error('the file has no video track')
  return {
    mimeType: await input.getMimeType(),
    codec: await track.getCodec(),
    codecString: await track.getCodecParameterString(),
    size: [await track.getDisplayWidth(), await track.getDisplayHeight()],
    duration: await input.computeDuration(),
  }
}

/** A part of a video frame, as shares of its width and height: left, top, right, bottom. */
export type FrameRegion = [number, number, number, number]

/**
 * The colour of the video `bytes` at each of `times` (seconds), read back as a viewer's browser
 * plays it: a <video> sought there, drawn onto a canvas, one pixel sampled left of centre (clear
 * of the captions and of the placeholder card's text); with `region`, also every other pixel of it
 * across and down, for each time.
 */
export async function coloursAt(page: Page, bytes: Buffer, times: number[], region?: FrameRegion): Promise<{ size: [number, number]; colours: Rgb[]; regions: Rgb[][] }> {
  const read = await page.evaluate(
    async ({ base64, times, region }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const video = document.createElement('video')
      video.muted = true
      // In the page (out of the way), so its frames are presented as a viewer's would be.
      video.style.cssText = 'position: fixed; left: 0; top: 0; width: 64px; opacity: 0.01; pointer-events: none'
      document.body.append(video)
      await new Promise((resolve, reject) => {
        video.onloadeddata = resolve
        video.onerror = () => reject(new Error(`the video does not play: ${video.error?.message}`))
        // No type: the browser reads the container from the bytes, as from a file.
        video.src = URL.createObjectURL(new Blob([data]))
      })
      const canvas = document.createElement('canvas')
      canvas.width = video.videoWidth
      canvas.height = video.videoHeight
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!
      const colours: [number, number, number][] = []
      const regions: [number, number, number][][] = []
      const frames: string[] = []
      for (const t of times) {
        const sought = new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }))
        // Sought is not yet shown: under load the element can still hold the frame it showed
        // before. Wait until the frame at `t` is presented (times here are always another frame).
        const shown = new Promise<void>((resolve) => {
          const check = (_now: number, frame: VideoFrameCallbackMetadata) => (frame.mediaTime <= t + 1e-3 && t - frame.mediaTime < 0.25 ? resolve() : video.requestVideoFrameCallback(check))
          video.requestVideoFrameCallback(check)
        })
        video.currentTime = t
        await Promise.all([sought, shown])
        ctx.drawImage(video, 0, 0)
        const [r, g, b] = ctx.getImageData(Math.round(canvas.width * 0.15), Math.round(canvas.height / 2), 1, 1).data
        colours.push([r!, g!, b!])
        if (region) {
          const [left, top, right, bottom] = [region[0] * canvas.width, region[1] * canvas.height, region[2] * canvas.width, region[3] * canvas.height].map(Math.round) as [number, number, number, number]
          const { data, width } = ctx.getImageData(left, top, right - left, bottom - top)
          const pixels: [number, number, number][] = []
          for (let y = 0; y < bottom - top; y += 2) for (let x = 0; x < width; x += 2) pixels.push([data[(y * width + x) * 4]!, data[(y * width + x) * 4 + 1]!, data[(y * width + x) * 4 + 2]!])
          regions.push(pixels)
        }
        frames.push(canvas.toDataURL('image/png'))
      }
      video.remove()
      URL.revokeObjectURL(video.src)
      return { size: [video.videoWidth, video.videoHeight] as [number, number], colours, regions, frames }
    },
    { base64: bytes.toString('base64'), times, region },
  )
  // The frames, to look at in the test's output.
  await Promise.all(read.frames.map((url, i) => writeFile(test.info().outputPath(`frame-at-${times[i]}s.png`), Buffer.from(url.split(',')[1]!, 'base64'))))
  return { size: read.size, colours: read.colours, regions: read.regions }
}

/** Whether two colours are alike, allowing for the encoder's loss. */
export function near(a: Rgb, b: Rgb): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= 24)
}

/** Midpoints of shots laid end to end. */
export function midpoints(durations: number[]): number[] {
  let start = 0
  return durations.map((d) => {
    const mid = start + d / 2
    start += d
    return mid
  })
}
