import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

const HOW_TO =
  "No PostgreSQL is installed: install Debian's postgresql package (`apt-get install -y postgresql`), or set POSTGRES_URL to a server (postgres://user@host:port), and run again."

export type Postgres = { url: string; stop: () => Promise<void> }

/**
 * A PostgreSQL server for tests and the benchmark: POSTGRES_URL when given, else a throwaway
 * cluster in a temporary folder (initdb, a free port on 127.0.0.1, its socket in that folder),
 * stopped and removed by `stop`. Run as root, the cluster belongs to the `postgres` user, as
 * initdb refuses root. Durability is off: the data lives only as long as the run.
 */
export async function startPostgres(): Promise<Postgres> {
  if (process.env.POSTGRES_URL)
    return { url: process.env.POSTGRES_URL, stop: async () => undefined }
  const bin = postgresBinaries()
  if (!bin) throw new Error(HOW_TO)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) execFileSync('chown', ['postgres', dir])
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(bin, program),
      asRoot ? ['-u', 'postgres', '--', path.join(bin, program), ...args] : args,
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    )
  const data = path.join(dir, 'data')
  const port = await freePort()
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
    const options = [
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300`,
      '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    ].join(' ')
    run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', 'start'])
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true })
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0]
    throw new Error(
      `Could not start a throwaway PostgreSQL in ${dir}: ${stderr || (error as Error).message}`,
      { cause: error },
    )
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** The newest installed server's bin folder (Debian keeps each major version apart), if any. */
function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    : []
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0]
  return newest && path.join(root, newest, 'bin')
}

/** A database of its own on the server at `serverUrl`, by name. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
