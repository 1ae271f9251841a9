import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseArgs, USAGE } from '../../src/import/cli/args'

describe('npm run import -- arguments', () => {
  it('reads files, folders and every option', () => {
    expect(
      parseArgs([
        'blog.xml',
        'pages/',
        '--format',
        'wordpress',
        '--author=maya-okafor',
        '--dry-run',
        '--publish-as-is',
        '--as',
        'a@x.org',
      ]),
    ).toEqual({
      paths: ['blog.xml', 'pages/'],
      options: {
        format: 'wordpress',
        author: 'maya-okafor',
        dryRun: true,
        publishAsIs: true,
        as: 'a@x.org',
      },
    })
  })

  it('takes a name that starts with a dash after --, and a value that does with =', () => {
    expect(parseArgs(['--author=-odd', '--', '--odd-name.xml'])).toEqual({
      paths: ['--odd-name.xml'],
      options: { author: '-odd' },
    })
  })

  it.each([
    [[], 'name a file or folder to import.'],
    [['--dry-run'], 'name a file or folder to import.'],
    [
      ['x.xml', '--format', 'rss'],
      '--format must be one of blogger, wordpress, html, text, not "rss".',
    ],
    [['x.xml', '--format'], '--format must be one of blogger, wordpress, html, text.'],
    [['x.xml', '--author'], '--author needs a value.'],
    [['x.xml', '--author='], '--author needs a value.'],
    [['x.xml', '--author', '--dry-run'], '--author needs a value.'],
    [['x.xml', '--publish-as-is', '--as'], '--as needs a value.'],
    [['x.xml', '--as', 'a@x.org'], '--as only applies with --publish-as-is.'],
    [['x.xml', '--force'], 'unknown option --force.'],
    [['x.xml', '--force=yes'], 'unknown option --force.'],
    [['x.xml', '-f'], 'unknown option -f.'],
    [['x.xml', '--dry-run=yes'], '--dry-run takes no value.'],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ error })
  })

  it.each([[['x.xml', '--help']], [['-h']], [['--force', '--help']]])(
    'answers %j with the help',
    (argv) => {
      expect(parseArgs(argv)).toEqual({ help: true })
    },
  )
})

describe('npm run import (the script)', () => {
  // Refused before Payload is loaded, so this takes a second, not a database.
  const root = path.resolve(import.meta.dirname, '../..')
  const run = (...argv: string[]) => {
    const tsx = path.join(root, 'node_modules/.bin/tsx')
    const { status, stdout, stderr } = spawnSync(
      tsx,
      ['--conditions=production', 'scripts/import.ts', ...argv],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
    return { status, stdout, stderr }
  }

  it.each([
    [['x.xml', '--force'], 'import: unknown option --force. See npm run import -- --help.\n'],
    [['x.xml', '--author'], 'import: --author needs a value. See npm run import -- --help.\n'],
  ])('answers %j with one line on stderr and exit code 2', (argv, line) => {
    expect(run(...argv)).toEqual({ status: 2, stdout: '', stderr: line })
  })

  it('prints the help on stdout and exits 0', () => {
    expect(run('--help')).toEqual({ status: 0, stdout: `${USAGE}\n`, stderr: '' })
  })
})
