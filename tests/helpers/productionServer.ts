import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { expect, vi } from 'vitest'

export type ProductionServer = {
  base: string
  child: ChildProcess
  exited: Promise<number | null>
  dir: string
}

/** The server from source (through tsx), or compiled as `npm start` runs it (`npm run build:server`). */
const ENTRY = {
  source: ['--conditions=production', '--import', 'tsx', 'src/server/index.ts'],
  compiled: ['--conditions=production', 'dist/server/index.mjs'],
}

/** The real entry point in production mode, API only, on a fresh database and a free port. */
export async function startProductionServer(
  env: Record<string, string> = {},
  entry: keyof typeof ENTRY = 'source',
): Promise<ProductionServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-production-'))
  const child = spawn(process.execPath, ENTRY[entry], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'x',
      PORT: '0',
      HOST: '127.0.0.1',
      ADMIN_UI: 'off',
      DATABASE_URI: `file:${dir}/cms.db`,
      MEDIA_DIR: `${dir}/media`,
      ...env,
    },
  })
  let stdout = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  try {
    await vi.waitFor(() => expect(stdout).toMatch(/REST http:\/\/localhost:\d+\/api/), {
      timeout: 30_000,
      interval: 100,
    })
  } catch (error) {
    // A server that did not come up in time must not outlive the test run.
    child.kill('SIGKILL')
    throw error
  }
  const base = /(http:\/\/localhost:\d+)/.exec(stdout)![1].replace('localhost', '127.0.0.1')
  return { base, child, exited, dir }
}

/** The real entry point in production mode with `env`, run until it exits (start-up failures). */
export function runServerUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  const child = spawn(process.execPath, ENTRY.source, {
    env: { ...process.env, NODE_ENV: 'production', PAYLOAD_SECRET: 'x', PORT: '0', ...env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk) => (stdout += chunk))
  child.stderr?.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started })),
  )
}
