import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { addDataAndFileToRequest, APIError, type Endpoint, type PayloadRequest } from 'payload'

import { isAdmin } from '../access/roles'
import { isFormat } from '../import/formats'
import { runImport, type ImportOptions } from '../import/importer'
import { formatReport, type ImportReport, type PostResult } from '../import/report'
import { ImportSetupError } from '../import/setupError'
import { FORMATS } from '../import/types'
import { refuse } from '../lib/refuse'

/** The largest export the admin upload accepts (the CLI has no limit). */
export const IMPORT_UPLOAD_LIMIT = 20 * 1024 * 1024
/** Multipart framing around the file (boundaries, part headers, small fields). */
const MULTIPART_SLACK = 64 * 1024

const tooLarge = () =>
  new APIError(
    `The file is larger than ${IMPORT_UPLOAD_LIMIT / 1024 / 1024} MB; import it with npm run import instead.`,
    413,
    null,
    true,
  )

/** One import at a time in this process: two at once would create the same authors and sources twice. */
let running = false

type Upload = { name: string; data: Buffer }

const truthy = (value: unknown) =>
  value === true || value === 'true' || value === '1' || value === 'on' || value === 'yes'

/** Reads a raw body (any content type but JSON and multipart), refusing more than the limit without buffering it all. */
async function readRawBody(req: PayloadRequest): Promise<Buffer> {
  const stream = req.body as ReadableStream<Uint8Array> | null | undefined
  if (!stream) return Buffer.alloc(0)
  const chunks: Buffer[] = []
  let size = 0
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > IMPORT_UPLOAD_LIMIT) {
      await reader.cancel().catch(() => {})
      throw tooLarge()
    }
    chunks.push(Buffer.from(value))
  }
  return Buffer.concat(chunks)
}

async function readUpload(req: PayloadRequest, filenameParam: string | undefined): Promise<Upload> {
  const [contentType = ''] = (req.headers.get('Content-Type') ?? '').split(';', 1)
  if (contentType.includes('multipart/')) {
    try {
      await addDataAndFileToRequest(req)
    } catch (error) {
      const message = (error as Error).message ?? ''
      if (/limit has been reached/i.test(message)) throw tooLarge()
      throw refuse(400, `The upload could not be read: ${message}`)
    }
    const file = req.file
    if (!file)
      throw refuse(
        400,
        'Send the export as the multipart field "file" (or as the raw body with ?filename=).',
      )
    if (file.size > IMPORT_UPLOAD_LIMIT) throw tooLarge()
    return { name: filenameParam || file.name, data: file.data }
  }
  if (contentType === 'application/json')
    throw refuse(
      400,
      'Send the export as the multipart field "file", or as the raw body with ?filename= (not as JSON).',
    )
  if (!filenameParam)
    throw refuse(400, 'A raw upload needs ?filename= (its extension helps tell the format).')
  return { name: filenameParam, data: await readRawBody(req) }
}

/** A name safe to write in a temp folder, keeping the extension the format detection reads. */
const safeName = (name: string) =>
  path
    .basename(name)
    .replace(/[^\w.-]+/g, '_')
    .replace(/^\.+/, '') || 'upload.txt'

/** What POST /api/import answers; the import page reads it. */
export type ImportAnswer = {
  file: string
  summary: ReturnType<typeof summarize>
  report: ImportReport
  text: string
}

const summarize = (report: ImportReport) => {
  const count = (outcome: PostResult['outcome']) =>
    report.posts.filter((post) => post.outcome === outcome).length
  const sum = (pick: (post: PostResult) => number) =>
    report.posts.reduce((total, post) => total + pick(post), 0)
  const approved = sum((post) => post.comments.approved)
  const pending = sum((post) => post.comments.pending)
  const spam = sum((post) => post.comments.spam)
  const rejected = sum((post) => post.comments.rejected)
  return {
    posts: {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      skipped: report.files.reduce((total, file) => total + file.skipped.length, 0),
    },
    comments: {
      created: approved + pending + spam + rejected,
      approved,
      pending,
      spam,
      rejected,
      existing: sum((post) => post.comments.existing),
    },
    authors: report.authors,
    sources: report.sources,
    quotes: {
      withAttribution: sum((post) => post.quotes.attributed),
      withoutAttribution: sum((post) => post.quotes.unattributed.length),
    },
  }
}

/**
 * POST /api/import: the blog import (`npm run import`) for an admin in the browser. The export is
 * the multipart field `file`, or the raw body with `?filename=`; `?format=` and `?dryRun=true` (or
 * the same in a multipart `_payload` JSON field) as `--format` and `--dry-run`. Answers the report
 * as JSON; a file that cannot be imported at all is a 400 with the importer's one-line message.
 */
export const importUpload: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw refuse(401, 'Log in as an admin to import a blog.')
    if (!isAdmin(req.user)) throw refuse(403, 'Only an admin can import a blog.')
    const declared = Number.parseInt(req.headers.get('Content-Length') ?? '', 10)
    if (Number.isFinite(declared) && declared > IMPORT_UPLOAD_LIMIT + MULTIPART_SLACK)
      throw tooLarge()

    const query = (req.query ?? {}) as Record<string, unknown>
    const filenameParam =
      typeof query.filename === 'string' && query.filename.trim()
        ? query.filename.trim()
        : undefined
    const upload = await readUpload(req, filenameParam)
    const given = { ...query, ...((req.data as Record<string, unknown> | undefined) ?? {}) }

    const options: ImportOptions = { dryRun: truthy(given.dryRun) }
    if (typeof given.format === 'string' && given.format && given.format !== 'auto') {
      if (!isFormat(given.format))
        throw refuse(400, `format must be one of ${FORMATS.join(', ')}, not "${given.format}".`)
      options.format = given.format
    }
    if (typeof given.author === 'string' && given.author) options.author = given.author

    const name = safeName(upload.name)
    if (upload.data.length === 0) throw refuse(400, `${name}: the file is empty`)
    if (running) throw refuse(409, 'Another import is running; try again when it has finished.')
    running = true
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-import-'))
    try {
      const file = path.join(dir, name)
      await fs.writeFile(file, upload.data)
      let report: ImportReport
      try {
        report = await runImport(req.payload, [file], options)
      } catch (error) {
        if (error instanceof ImportSetupError) throw refuse(400, error.message)
        throw error
      }
      // The temp path means nothing to the person who uploaded: name the file as they did.
      for (const entry of [...report.files, ...report.posts])
        if (entry.file === file) entry.file = name
      const failed = report.files.find((entry) => entry.error)
      if (failed) throw refuse(400, `${name}: ${failed.error}`)
      req.payload.logger.info({
        msg: `Blog import of ${name} by ${req.user.email}`,
        dryRun: report.dryRun,
        posts: report.posts.length,
      })
      const answer: ImportAnswer = {
        file: name,
        summary: summarize(report),
        report,
        text: formatReport(report),
      }
      return Response.json(answer)
    } finally {
      running = false
      await fs.rm(dir, { recursive: true, force: true })
    }
  },
}
