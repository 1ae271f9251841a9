import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { RequestHandler } from 'express'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type AdminUi = {
  /** Loads and prepares Next; a failure (no build) rejects, and start-up fails with it. */
  prepare: () => Promise<void>
  /** Renders the admin; a request that comes before Next is ready waits for it. */
  handle: RequestHandler
}

/**
 * The admin UI, rendered by Next. Preparing Next takes most of a second and much of the memory;
 * the server prepares it once it already answers the API, so the API is up sooner.
 */
export function nextAdminUi({ dev }: { dev: boolean }): AdminUi {
  let ready: Promise<RequestHandler> | undefined
  const prepared = () =>
    (ready ??= (async () => {
      const { default: next } = await import('next')
      const nextApp = next({ dev, dir: projectRoot })
      await nextApp.prepare()
      const handle = nextApp.getRequestHandler()
      return (req, res) => void handle(req, res)
    })())
  return {
    prepare: async () => void (await prepared()),
    handle: (req, res, next) => {
      prepared().then(
        (handle) => handle(req, res, next),
        (error) => next(error),
      )
    },
  }
}
