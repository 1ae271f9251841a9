import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, it } from 'vitest'

import { runImport } from '../../src/import/importer'
import { getTestPayload } from '../helpers/payload'
import { bloggerExport } from './generateExport'

// `npm run import:bench`: kept out of `npm test` because it takes about half a minute. Throughput is
// printed, not asserted (machines differ); that every post arrives is asserted.
it('imports a 2,000-post Blogger export with 4,000 comments', async () => {
  const payload = await getTestPayload()
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-')), 'blog.xml')
  fs.writeFileSync(file, bloggerExport(2000))

  const report = await runImport(payload, [file])

  const created = report.posts.filter((post) => post.outcome === 'created').length
  const rate = report.posts.length / report.seconds
  console.log(
    `Imported ${created} posts (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in ${report.seconds.toFixed(1)} s: ${rate.toFixed(0)} posts/s`,
  )
  expect(created).toBe(2000)
  expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(2000)
  expect((await payload.count({ collection: 'comments' })).totalDocs).toBe(4000)
  expect(new Set(report.posts.map((post) => post.slug)).size).toBe(2000)
}, 600_000)
