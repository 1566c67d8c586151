import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { diffVersionParams } from './versionParamsDiff'

/** The two takes' label, star, approval and parameters in two columns; rows that differ come first and are marked. */
export function VersionParamsTable({ a, b }: { a: ShotVersion; b: ShotVersion }) {
  const rows = diffVersionParams(a, b)
  const ordered = [...rows.filter((r) => r.differs), ...rows.filter((r) => !r.differs)]
  const differing = rows.filter((r) => r.differs).length
  return (
    <table className="version-params" data-testid="version-params-diff">
      <caption>{differing === 0 ? 'Same parameters' : differing === 1 ? '1 parameter differs' : `${differing} parameters differ`}</caption>
      <thead>
        <tr>
          <th scope="col">Parameter</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
        </tr>
      </thead>
      <tbody>
        {ordered.map((row) => (
          <tr key={row.label} data-differs={row.differs || undefined}>
            <th scope="row">{row.label}</th>
            <td>{row.typed ? <bdi>{row.a}</bdi> : row.a}</td>
            <td>{row.typed ? <bdi>{row.b}</bdi> : row.b}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
