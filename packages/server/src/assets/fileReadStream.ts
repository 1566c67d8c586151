import { open, type FileHandle } from 'node:fs/promises'

const CHUNK_BYTES = 64 * 1024

/**
 * A web stream of the inclusive byte range `[start, end]` of a file (`end: size - 1` for all of
 * it), read as the consumer pulls, so a slow client holds one chunk in memory, not the file.
 * The stream closes together with its last chunk instead of on a further empty read: the HTTP
 * response then ends as soon as its last byte is written, and its keep-alive connection is idle
 * (closable at shutdown) by the time the client has read it.
 */
export function fileReadStream(path: string, range: { start: number; end: number }): ReadableStream<Uint8Array> {
  let file: FileHandle | undefined
  let position = range.start
  const endExclusive = range.end + 1

  const finish = async () => {
    const f = file
    file = undefined
    await f?.close()
  }

  return new ReadableStream<Uint8Array>({
    async start() {
      file = await open(path, 'r')
    },
    async pull(controller) {
      try {
        const length = Math.min(CHUNK_BYTES, endExclusive - position)
        const { bytesRead, buffer } =
          length > 0 ? await file!.read(new Uint8Array(length), 0, length, position) : { bytesRead: 0, buffer: undefined }
        // A file that shrank underneath us ends early rather than hanging.
        if (bytesRead > 0) controller.enqueue(buffer!.subarray(0, bytesRead))
        position += bytesRead
        if (bytesRead === 0 || position >= endExclusive) {
          controller.close()
          await finish()
        }
      } catch (error) {
        await finish().catch(() => {})
        controller.error(error)
      }
    },
    async cancel() {
      await finish()
    },
  })
}
