import { describe, expect, it } from 'vitest'

import { runServerUntilExit } from '../helpers/productionServer'

describe('server start-up with several bad variables', () => {
  it('exits 1 before starting, with one line for each bad variable naming it and the accepted form', async () => {
    const { code, stdout, stderr } = await runServerUntilExit({
      DATABASE_URI: 'file:/tmp/unused.db',
      PORT: '80a',
      ADMIN_UI: 'yes',
      LOG_LEVEL: 'loud',
      CACHE_TTL: '0',
      PAYLOAD_SECRET: '',
    })
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr.trim().split('\n')).toEqual([
      'Startup failed: PORT must be an integer from 0 to 65535, got "80a".',
      'Startup failed: ADMIN_UI must be "build", "dev" or "off", got "yes".',
      'Startup failed: LOG_LEVEL must be "fatal", "error", "warn", "info", "debug", "trace" or "silent", got "loud".',
      expect.stringMatching(/^Startup failed: PAYLOAD_SECRET is required in production; /),
      'Startup failed: CACHE_TTL must be a positive whole number, got "0".',
    ])
  })
})
