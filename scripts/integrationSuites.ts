import { spawn } from 'node:child_process'

/**
 * Runs the integration and HTTP suites (vitest, with this script's own arguments) in `env`, then
 * `stop`s what they ran on and exits with vitest's code. Ctrl-C reaches vitest first.
 */
export function runIntegrationSuites(env: Record<string, string>, stop: () => Promise<void>): void {
  const vitest = spawn(
    'npx',
    ['vitest', 'run', 'tests/int', 'tests/http', ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  )
  vitest.on('exit', async (code) => {
    await stop().catch((error) => console.error(`Stopping the database: ${error.message}`))
    process.exit(code ?? 1)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => vitest.kill(signal))
}
