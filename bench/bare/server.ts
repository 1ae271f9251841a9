/**
 * Bare Payload served the default way: express in front of Next (Payload's custom-server example),
 * every request — /api included — answered by Next's route handlers from @payloadcms/next/routes.
 * Needs `next build bench/bare` first (bench/bare/build.ts). PORT and HOST as for our server.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import express from 'express'
import next from 'next'

const dir = path.dirname(fileURLToPath(import.meta.url))
const app = next({ dev: false, dir })
const handle = app.getRequestHandler()
await app.prepare()

const server = express()
server.use((req, res) => handle(req, res))
server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`bare Payload listening on ${process.env.PORT}`)
})
