import { describe, expect, it } from 'vitest'

import { parseArgs } from '../../src/import/cli/args'

describe('npm run import -- arguments', () => {
  it('reads files, folders and every option', () => {
    expect(
      parseArgs(['blog.xml', 'pages/', '--format', 'wordpress', '--author=maya-okafor', '--dry-run', '--publish-as-is', '--as', 'a@x.org']),
    ).toEqual({
      paths: ['blog.xml', 'pages/'],
      options: { format: 'wordpress', author: 'maya-okafor', dryRun: true, publishAsIs: true, as: 'a@x.org' },
    })
  })

  it.each([
    [[], 'name a file or folder to import.'],
    [['x.xml', '--format', 'rss'], '--format must be one of blogger, wordpress, html, text, not "rss".'],
    [['x.xml', '--author'], '--author needs a value.'],
    [['x.xml', '--as', 'a@x.org'], '--as only applies with --publish-as-is.'],
    [['x.xml', '--force'], 'unknown option --force.'],
  ])('refuses %j: %s', (argv, error) => {
    expect(parseArgs(argv)).toEqual({ error })
  })

  it('answers --help', () => {
    expect(parseArgs(['x.xml', '--help'])).toEqual({ help: true })
  })
})
