import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { AUTHORS } from '../collections/slugs'
import { detectFormat, isImportableName, parseContent } from './formats'
import { importPost } from './importPost'
import { findPublishers, publishImported, type Publishers } from './publish'
import type { ImportReport } from './report'
import { ImportSetupError } from './setupError'
import { loadAuthors } from './store/authors'
import { Registry, tally, type ImportContext } from './store/context'
import { loadSources } from './store/sources'
import { ImportInputError, type Format, type ImportedPost } from './types'

export type ImportOptions = {
  format?: Format
  /** Slug of an existing author credited with every post. */
  author?: string
  dryRun?: boolean
  publishAsIs?: boolean
  /** Email of the admin who publishes with --publish-as-is (default: the first admin). */
  as?: string
  onProgress?: (done: number, total: number) => void
}

/**
 * The files to read: each file named, and every importable file directly in each folder named (sorted;
 * not its subfolders, where a saved page keeps its images and frames).
 */
export function expandPaths(paths: string[]): string[] {
  const files: string[] = []
  for (const given of paths) {
    if (!fs.existsSync(given)) throw new ImportSetupError(`${given}: no such file or folder.`)
    if (!fs.statSync(given).isDirectory()) {
      files.push(given)
      continue
    }
    const inside = fs
      .readdirSync(given, { withFileTypes: true })
      .filter((entry) => entry.isFile() && isImportableName(entry.name))
      .map((entry) => path.join(given, entry.name))
      .sort()
    if (!inside.length)
      throw new ImportSetupError(`${given}: the folder has no .xml, .html or .txt file to import.`)
    files.push(...inside)
  }
  return files
}

async function createContext(payload: Payload, options: ImportOptions): Promise<ImportContext> {
  let fake = 0
  const ctx: ImportContext = {
    payload,
    dryRun: Boolean(options.dryRun),
    authors: new Registry(),
    sources: new Registry(),
    slugs: new Registry(),
    media: new Registry(),
    authorTally: tally(),
    sourceTally: tally(),
    nextFakeId: () => ++fake,
  }
  if (options.author) {
    const { docs } = await payload.find({
      collection: AUTHORS,
      where: { slug: { equals: options.author } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (!docs[0]) throw new ImportSetupError(`--author ${options.author}: no author has that slug.`)
    ctx.forcedAuthor = docs[0].id
  }
  await Promise.all([loadAuthors(ctx), loadSources(ctx)])
  return ctx
}

/**
 * Imports files (or folders of them) as draft articles; with `publishAsIs`, posts that were live
 * on the old blog are then published through the workflow. Never throws for a bad file or post:
 * the report says what was and was not imported. Throws ImportSetupError when it cannot start.
 */
export async function runImport(
  payload: Payload,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const started = performance.now()
  const files = expandPaths(paths)
  const ctx = await createContext(payload, options)
  const publishers: Publishers | undefined =
    options.publishAsIs && !options.dryRun ? await findPublishers(payload, options.as) : undefined

  const report: ImportReport = {
    files: [],
    posts: [],
    authors: { created: 0, reused: 0 },
    sources: { created: 0, reused: 0 },
    seconds: 0,
    dryRun: Boolean(options.dryRun),
    publishAsIs: Boolean(options.publishAsIs),
  }
  const queue: { file: string; post: ImportedPost }[] = []
  for (const file of files) {
    try {
      const text = fs.readFileSync(file, 'utf8')
      const format = options.format ?? detectFormat(file, text)
      const parsed = parseContent(format, text)
      if (!parsed.posts.length && !parsed.skipped.length)
        throw new ImportInputError(`no posts found in this ${format} file`)
      report.files.push({ file, format, posts: parsed.posts.length, skipped: parsed.skipped })
      queue.push(...parsed.posts.map((post) => ({ file, post })))
    } catch (error) {
      if (!(error instanceof ImportInputError)) throw error
      report.files.push({ file, posts: 0, skipped: [], error: error.message })
    }
  }

  let done = 0
  for (const { file, post } of queue) {
    const { reviewState, ...result } = await importPost(ctx, post, file)
    if (publishers && result.id !== undefined && result.outcome !== 'failed') {
      result.published =
        post.status === 'published'
          ? await publishImported(
              payload,
              publishers,
              { id: result.id, reviewState: reviewState ?? 'draft' },
              `Imported from ${path.basename(file)} (${post.importKey}) and published as is by the blog import.`,
            )
          : `not published: a ${post.status} post on the old blog`
    }
    report.posts.push(result)
    options.onProgress?.(++done, queue.length)
  }
  report.authors = { created: ctx.authorTally.created.size, reused: ctx.authorTally.reused.size }
  report.sources = { created: ctx.sourceTally.created.size, reused: ctx.sourceTally.reused.size }
  report.seconds = (performance.now() - started) / 1000
  return report
}
