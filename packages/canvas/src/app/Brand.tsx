/** Storyloom's mark and name, atop the pages outside a board. */
export function Brand() {
  return (
    <div className="brand">
      <img src="/favicon.svg" alt="" className="brand__mark" />
      <span className="brand__name">Storyloom</span>
    </div>
  )
}
