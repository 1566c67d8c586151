import { useState } from 'react'

/**
 * A board row's cover: the picture of the board's first shot (chosen by the server, see
 * `coverUrl`), or the neutral storyboard placeholder when it has none or the picture fails to
 * load, so a row never shows a broken image. Decorative: the row's link says the board's name.
 */
export function BoardCover({ url }: { url: string | null }) {
  const [failed, setFailed] = useState<string | null>(null)
  if (url === null || failed === url) return <span className="board-row__thumb" aria-hidden />
  return (
    <span className="board-row__thumb board-row__thumb--cover" aria-hidden>
      <img src={url} alt="" loading="lazy" decoding="async" draggable={false} onError={() => setFailed(url)} />
    </span>
  )
}
