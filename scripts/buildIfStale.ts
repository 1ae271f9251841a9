/**
 * The admin UI's production build (`next build` into .next), redone only when a source it depends
 * on changed: shared by `npm run demo` and `npm run test:e2e`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const BUILD_ID = '.next/BUILD_ID'
const SOURCES = ['src', 'payload.config.ts', 'next.config.ts', 'package-lock.json']
/** Two builds into the same .next at once corrupt it: one process builds, the others wait. */
const LOCK = '.next-build.lock'
const LOCK_STALE_MS = 10 * 60 * 1000

/** A build is stale when any source it depends on is newer than it. */
export function buildIsStale(): boolean {
  if (!fs.existsSync(BUILD_ID)) return true
  const builtAt = fs.statSync(BUILD_ID).mtimeMs
  const newest = (target: string): number => {
    if (!fs.existsSync(target)) return 0
    const stat = fs.statSync(target)
    if (!stat.isDirectory()) return stat.mtimeMs
    return Math.max(0, ...fs.readdirSync(target).map((entry) => newest(path.join(target, entry))))
  }
  return SOURCES.some((target) => newest(target) > builtAt)
}

/**
 * Builds the admin UI when the build is stale; returns the exit status (0: fresh, or built now).
 * Runs in the current directory, which must be the project root.
 */
export function buildIfStale(): number {
  if (!buildIsStale()) return 0
  return withBuildLock(() => {
    // Another process may have built it while this one waited.
    if (!buildIsStale()) return 0
    console.log('Building the admin UI (first run only; about a minute)…')
    const build = spawnSync('npx', ['next', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
    return build.status ?? 1
  })
}

function withBuildLock<T>(run: () => T): T {
  const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
  let told = false
  for (;;) {
    try {
      fs.mkdirSync(LOCK)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      // A lock left by a build that was killed does not block forever.
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
      if (age > LOCK_STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true })
      else {
        if (!told)
          console.log(`Another process is building the admin UI (${LOCK}); waiting for it…`)
        told = true
        sleep(1000)
      }
    }
  }
  try {
    return run()
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true })
  }
}

/**
 * The production server compiled ahead of time (`npm run build:server`, esbuild into
 * dist/server/index.mjs, what `npm start` runs), so a start does not compile TypeScript. It takes
 * well under a second, so it is simply redone. Returns the exit status.
 */
export function buildServer(): number {
  return spawnSync('npm', ['run', '--silent', 'build:server'], { stdio: 'inherit' }).status ?? 1
}
