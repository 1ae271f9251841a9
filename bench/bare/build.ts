/**
 * `next build bench/bare`, redone only when something it bundles changed: its own files, our
 * collections (src/, which they import) or the installed packages. The hash of those is kept
 * beside the build.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const BARE_DIR = 'bench/bare'
const STAMP = path.join(BARE_DIR, '.next/bench-sources.sha1')
const SOURCES = [BARE_DIR, 'src', 'package-lock.json']
const SKIP = new Set(['.next', 'node_modules', 'next-env.d.ts'])

function sourcesHash(): string {
  const hash = createHash('sha1')
  const add = (target: string) => {
    const stat = fs.statSync(target)
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target).sort())
        if (!SKIP.has(entry)) add(path.join(target, entry))
    } else {
      hash.update(target).update(fs.readFileSync(target))
    }
  }
  SOURCES.forEach(add)
  return hash.digest('hex')
}

/** Builds bare Payload's Next app when stale; throws when the build fails. Runs from the project root. */
export function buildBareIfStale(log: (line: string) => void): void {
  const hash = sourcesHash()
  if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return
  log('Building bare Payload (next build bench/bare)…')
  const build = spawnSync('npx', ['next', 'build', BARE_DIR], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (build.status !== 0)
    throw new Error(`next build bench/bare failed:\n${build.stdout}\n${build.stderr}`)
  fs.writeFileSync(STAMP, hash)
}
