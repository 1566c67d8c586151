import { apiErrorBodySchema } from '@storyloom/shared/api/errors'

/** The error code of a failed response, checking the body has the API's error shape. */
export async function errorCode(res: Response): Promise<string> {
  return apiErrorBodySchema.parse(await res.json()).error.code
}

/** The error (code and message) of a failed response, checking the body has the API's error shape. */
export async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return apiErrorBodySchema.parse(await res.json()).error
}
