import { Fragment, useState } from 'react'

/** Comments longer than this (characters or lines) show their start, with "Show more". */
const LONG_COMMENT_CHARACTERS = 600
const LONG_COMMENT_LINES = 8

/** A comment's text with its @mentions highlighted; a long one is cut to its first lines until opened. */
export function CommentBody({ body, mentions }: { body: string; mentions: readonly string[] }) {
  const long = body.length > LONG_COMMENT_CHARACTERS || body.split('\n').length > LONG_COMMENT_LINES
  const [expanded, setExpanded] = useState(false)
  const clamped = long && !expanded
  return (
    <>
      <p className={`comment__body${clamped ? ' comment__body--clamped' : ''}`}>
        <BodyText body={body} mentions={mentions} />
      </p>
      {long && (
        <button type="button" className="comment__more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
    </>
  )
}

/** A comment's text as text (never markup), its @mentions marked. */
export function BodyText({ body, mentions }: { body: string; mentions: readonly string[] }) {
  if (mentions.length === 0) return body
  const names = [...mentions].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const parts = body.split(new RegExp(`(@(?:${names.join('|')}))`, 'gi'))
  return parts.map((part, i) =>
    i % 2 === 1 ? (
      <mark key={i} className="comment__mention">
        {part}
      </mark>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  )
}
