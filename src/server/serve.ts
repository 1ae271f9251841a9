import type { Server } from 'node:http'

import { adminUi, host, port } from '../env'
import { followPublicChanges, publicResponses } from '../services/publicCache'
import { fillEmptyPublicPages } from '../services/publicPages/render'
import { nextAdminUi } from './adminUi'
import { createApp } from './createApp'
import { startPayload } from './startPayload'

const SHUTDOWN_GRACE_MS = 10_000

/** Starts the server and stops it gracefully on SIGTERM/SIGINT. */
export async function serve(): Promise<Server> {
  const payload = await startPayload({ cron: true })
  await fillEmptyPublicPages(payload)
  const ui = adminUi()
  const admin = ui === 'off' ? undefined : nextAdminUi({ dev: ui === 'dev' })
  const app = await createApp({ payload, admin })
  // Several instances share PostgreSQL or MongoDB; SQLite has one process, whose writes invalidate it.
  const cache = publicResponses()
  if (cache && payload.db.name !== 'sqlite') followPublicChanges(payload, cache)
  const server = app.listen(port(), host())
  await new Promise<void>((resolve, reject) =>
    server.once('listening', resolve).once('error', reject),
  )

  const shutdown = (signal: string) => {
    payload.logger.info(
      `${signal}: closing (in-flight requests have ${SHUTDOWN_GRACE_MS / 1000} s)`,
    )
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref()
    server.close(async () => {
      clearTimeout(force)
      await payload.destroy().catch(() => undefined)
      process.exit(0)
    })
    server.closeIdleConnections()
  }
  // One request's stray promise must not take the site down for everyone (Payload 3.90 leaves some
  // query-validation rejections unawaited); it is logged as the error it is.
  process.on('unhandledRejection', (reason) =>
    payload.logger.error({
      err: reason,
      msg: 'Unhandled promise rejection (process kept running)',
    }),
  )
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
  // The API answers already, and stops gracefully; the admin is ready a moment later (or start-up
  // fails with its reason).
  await admin?.prepare()
  return server
}
