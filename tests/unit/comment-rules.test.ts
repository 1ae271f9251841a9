import { afterEach, describe, expect, it } from 'vitest'

import { commentRateLimit, ConfigError, trustProxy } from '../../src/env'
import {
  checkFields,
  countLinks,
  honeypotFilled,
  pickSubmission,
  readerStatus,
  senderHash,
  submitterFor,
} from '../../src/services/comments/rules'

describe('countLinks and readerStatus', () => {
  it.each([
    ['No links at all.', 0],
    ['See https://example.org/a?b=c.', 1],
    ['https://www.example.org counts once', 1],
    ['HTTP://EXAMPLE.ORG and WWW.EXAMPLE.ORG', 2],
    ['www.a.example www.b.example http://c.example', 3],
    ['awww. is not a link, nor is email@www.example', 0],
    ['http://a.example,http://b.example,http://c.example', 1],
    ['http://a.example, http://b.example, http://c.example', 3],
  ])('counts the links in %j as %i', (text, links) => {
    expect(countLinks(text)).toBe(links)
  })

  it('holds a comment with more than two links as spam, otherwise pending', () => {
    expect(readerStatus('one https://a.example two www.b.example')).toBe('pending')
    expect(readerStatus('https://a.example www.b.example http://c.example')).toBe('spam')
  })
})

describe('checkFields', () => {
  const valid = { authorName: ' Ann ', authorEmail: ' ann@example.org ', body: '  Hello  ' }

  it('trims name, email and body', () => {
    expect(checkFields(valid, { emailRequired: true })).toEqual({
      values: { authorName: 'Ann', authorEmail: 'ann@example.org', body: 'Hello' },
      errors: [],
    })
  })

  it.each([
    [{ authorName: '' }, 'authorName'],
    [{ authorName: 'n'.repeat(101) }, 'authorName'],
    [{ authorName: 42 }, 'authorName'],
    [{ authorEmail: 'ann@' }, 'authorEmail'],
    [{ authorEmail: `${'a'.repeat(243)}@example.org` }, 'authorEmail'],
    [{ authorEmail: ['ann@example.org'] }, 'authorEmail'],
    [{ body: ' ' }, 'body'],
    [{ body: 'b'.repeat(5001) }, 'body'],
  ])('refuses %j on %s', (change, path) => {
    expect(
      checkFields({ ...valid, ...change }, { emailRequired: true }).errors.map((e) => e.path),
    ).toEqual([path])
  })

  it('accepts the bounds: a 100-character name, a 254-character email, a 5,000-character body', () => {
    const data = {
      authorName: 'n'.repeat(100),
      authorEmail: `${'a'.repeat(242)}@example.org`,
      body: 'b'.repeat(5000),
    }
    expect(data.authorEmail).toHaveLength(254)
    expect(checkFields(data, { emailRequired: true }).errors).toEqual([])
  })

  it('requires an email from readers only', () => {
    const { authorEmail: _omitted, ...withoutEmail } = valid
    expect(checkFields(withoutEmail, { emailRequired: true }).errors.map((e) => e.path)).toEqual([
      'authorEmail',
    ])
    expect(checkFields(withoutEmail, { emailRequired: false }).errors).toEqual([])
  })
})

describe('who submits, and what they may set', () => {
  it('trusts overrideAccess, then the desk, and treats everyone else as a reader', () => {
    expect(submitterFor(false, true)).toBe('server')
    expect(submitterFor(true, false)).toBe('staff')
    expect(submitterFor(false, false)).toBe('reader')
    expect(submitterFor(false, undefined)).toBe('reader')
  })

  it('keeps only the fields a reader may set; the desk may also set the status', () => {
    const data = {
      article: 1,
      parent: 2,
      authorName: 'A',
      authorEmail: 'a@example.org',
      body: 'B',
      status: 'approved',
      id: 9,
      createdAt: 'x',
      senderHash: 'y',
      moderatedBy: 3,
    }
    expect(Object.keys(pickSubmission(data, 'reader')).sort()).toEqual([
      'article',
      'authorEmail',
      'authorName',
      'body',
      'parent',
    ])
    expect(pickSubmission(data, 'staff')).toHaveProperty('status', 'approved')
    expect(pickSubmission(data, 'staff')).not.toHaveProperty('createdAt')
  })

  it('sees a filled-in honeypot, not an empty one', () => {
    expect(honeypotFilled({ website: 'http://x.example' })).toBe(true)
    expect(honeypotFilled({ website: '  ' })).toBe(false)
    expect(honeypotFilled({})).toBe(false)
  })
})

describe('senderHash', () => {
  it('is keyed by the secret and ignores the case of the email', () => {
    const hash = senderHash('secret', '203.0.113.1', 'Ann@Example.org')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(senderHash('secret', '203.0.113.1', ' ann@example.org')).toBe(hash)
    expect(senderHash('other-secret', '203.0.113.1', 'ann@example.org')).not.toBe(hash)
    expect(senderHash('secret', '203.0.113.2', 'ann@example.org')).not.toBe(hash)
    expect(hash).not.toContain('203.0.113.1')
  })
})

describe('comment rate limit and proxy settings', () => {
  const saved = {
    COMMENT_RATE_LIMIT: process.env.COMMENT_RATE_LIMIT,
    TRUST_PROXY: process.env.TRUST_PROXY,
  }
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })

  it('defaults to 5 posts a minute and reads "<count>/<seconds>"', () => {
    delete process.env.COMMENT_RATE_LIMIT
    expect(commentRateLimit()).toEqual({ limit: 5, windowSeconds: 60 })
    process.env.COMMENT_RATE_LIMIT = ' 20/3600 '
    expect(commentRateLimit()).toEqual({ limit: 20, windowSeconds: 3600 })
  })

  it.each(['5', '5/0', '0/60', 'five/60', '5/60s', '-1/60'])(
    'refuses COMMENT_RATE_LIMIT=%j with one line naming the variable',
    (value) => {
      process.env.COMMENT_RATE_LIMIT = value
      expect(() => commentRateLimit()).toThrow(ConfigError)
      expect(() => commentRateLimit()).toThrow(/COMMENT_RATE_LIMIT must be "<count>\/<seconds>"/)
    },
  )

  it.each([
    [undefined, false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['loopback, 10.0.0.0/8', 'loopback, 10.0.0.0/8'],
  ])('reads TRUST_PROXY=%j as %j', (value, expected) => {
    if (value === undefined) delete process.env.TRUST_PROXY
    else process.env.TRUST_PROXY = value
    expect(trustProxy()).toEqual(expected)
  })
})
