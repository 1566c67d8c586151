import type { GenerationJob } from '@storyloom/shared/generation/jobs'
import type { WorkerJobResult } from '@storyloom/shared/generation/workerApi'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import type { VersionStore } from '../versions/versionStore'

/** The takes of a job already recorded as versions of its shot, as a worker result lists them, and their versions. */
export function recordedTakes(versions: Pick<VersionStore, 'listForJob'>, job: Pick<GenerationJob, 'id' | 'boardId' | 'shotId' | 'params'>): { results: WorkerJobResult['results']; versions: ShotVersion[] } {
  const recorded = versions.listForJob(job.boardId, job.id).filter((v) => v.shotId === job.shotId && v.variationIndex !== null)
  const results = recorded.flatMap((v) => {
    const image = v.assets.find((a) => a.kind === 'image')
    if (!image) return []
    const clip = v.assets.find((a) => a.kind === 'video')
    return [
      {
        variationIndex: v.variationIndex!,
        seed: v.params?.seed ?? job.params.seed,
        versionId: v.id,
        image: { assetId: image.assetId, width: image.width ?? job.params.width, height: image.height ?? job.params.height },
        ...(clip ? { clip: { assetId: clip.assetId } } : {}),
      },
    ]
  })
  return { results, versions: recorded }
}
