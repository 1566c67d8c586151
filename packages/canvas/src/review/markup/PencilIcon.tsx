/** The pencil that marks a drawing on a comment (in the comment list, on a strip card). */
export function PencilIcon({ size, strokeWidth }: { size: number; strokeWidth: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 12 12" aria-hidden="true">
      <path d="M8.2 1.3 10.7 3.8 4.2 10.3 1.2 10.8 1.7 7.8Z" fill="none" stroke="currentColor" strokeWidth={strokeWidth} strokeLinejoin="round" />
    </svg>
  )
}
