import fs from 'node:fs'

import { describe, expect, it } from 'vitest'

import {
  CONFIGURATION_DOC,
  ENV_EXAMPLE,
  envDocsProblems,
  renderConfigurationTable,
  renderEnvExample,
} from '../../scripts/generate-env'
import { variables } from '../../src/env'

const example = fs.readFileSync(ENV_EXAMPLE, 'utf8')
const doc = fs.readFileSync(CONFIGURATION_DOC, 'utf8')

describe('.env.example and docs/configuration.md, generated from src/env.ts', () => {
  it('are current (else `npm run generate:env`)', () => {
    expect(envDocsProblems()).toEqual([])
  })

  it('list every variable of the table, with its default', () => {
    for (const [name, spec] of Object.entries(variables)) {
      const written = 'default' in spec && typeof spec.default === 'string' ? spec.default : ''
      expect(renderEnvExample()).toContain(`\n# ${name}=${written}\n`)
      expect(renderConfigurationTable()).toMatch(
        new RegExp(`^\\| \`${name}\` \\| .+ \\| .+ \\|$`, 'm'),
      )
    }
  })

  it.each([
    [
      'a default changed in .env.example',
      example.replace('# PORT=3000', '# PORT=3001'),
      doc,
      /^\.env\.example describes PORT differently/,
    ],
    [
      'a doc changed in .env.example',
      example.replace('The port the server listens on.', 'The port.'),
      doc,
      /^\.env\.example describes PORT/,
    ],
    [
      'a variable missing from .env.example',
      example.replace(/\n\n# The port[^\n]*\n# PORT=3000/, ''),
      doc,
      /^\.env\.example lacks PORT/,
    ],
    [
      'a variable .env.example has and the table does not',
      `${example}\n# Old.\n# OLD_SETTING=1\n`,
      doc,
      /OLD_SETTING, which src\/env\.ts does not read/,
    ],
    [
      'the layout of .env.example',
      example.replace('# ── Email ──', '# Email'),
      doc,
      /^\.env\.example differs from src\/env\.ts/,
    ],
    [
      'a default changed in the docs table',
      example,
      doc.replace('| `CACHE_TTL` | `10` |', '| `CACHE_TTL` | `30` |'),
      /^docs\/configuration\.md describes CACHE_TTL/,
    ],
    [
      'a doc changed in the docs table',
      example,
      doc.replace('SMTP port.', 'The SMTP port.'),
      /^docs\/configuration\.md describes SMTP_PORT/,
    ],
    [
      'a variable missing from the docs table',
      example,
      doc.replace(/^\| `HOST` .*\n/m, ''),
      /^docs\/configuration\.md lacks HOST/,
    ],
    [
      'the markers gone from the docs',
      example,
      doc.replace(/<!-- end of variables -->/, ''),
      /lacks the variable table's markers/,
    ],
  ])('fail on %s, naming what to fix', (_, exampleText, docText, message) => {
    const problems = envDocsProblems(exampleText, docText)
    expect(problems).toEqual([expect.stringMatching(message)])
    expect(problems[0]).toMatch(/npm run generate:env|markers/)
  })

  it('keep the prose of docs/configuration.md around the table', () => {
    expect(
      envDocsProblems(example, doc.replace('## How values are read', '## How the values are read')),
    ).toEqual([])
  })
})
