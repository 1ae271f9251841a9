import { afterEach, describe, expect, it, vi } from 'vitest'

import { ConfigError, webhookRetryDelayMs, webhookSecret, webhookUrls } from '../../src/env'
import type { Article } from '../../src/payload-types'
import { buildEvent, signature, webhookEventFor } from '../../src/services/webhooks'

afterEach(() => vi.unstubAllEnvs())

describe('webhook configuration', () => {
  it('reads WEBHOOK_URLS as a comma-separated list, ignoring blanks', () => {
    vi.stubEnv('WEBHOOK_URLS', ' https://a.example/hook , ,http://127.0.0.1:4000/revalidate ')
    expect(webhookUrls()).toEqual(['https://a.example/hook', 'http://127.0.0.1:4000/revalidate'])
    vi.stubEnv('WEBHOOK_URLS', '')
    expect(webhookUrls()).toEqual([])
  })

  it.each(['frontend.example/hook', 'ftp://files.example/hook', 'javascript:alert(1)'])('refuses %s, naming it', (bad) => {
    vi.stubEnv('WEBHOOK_URLS', `https://ok.example/hook,${bad}`)
    expect(() => webhookUrls()).toThrow(ConfigError)
    expect(() => webhookUrls()).toThrow(`WEBHOOK_URLS has "${bad}", which is not an http(s) URL`)
  })

  it('requires WEBHOOK_SECRET in production when there are receivers, and only then', () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('WEBHOOK_SECRET', '')
    vi.stubEnv('WEBHOOK_URLS', 'https://a.example/hook')
    expect(() => webhookSecret()).toThrow(/WEBHOOK_SECRET is required in production when WEBHOOK_URLS is set/)
    vi.stubEnv('WEBHOOK_URLS', '')
    expect(webhookSecret()).toBeUndefined()
    vi.stubEnv('WEBHOOK_SECRET', ' s3cret ')
    expect(webhookSecret()).toBe('s3cret')
  })

  it('allows unsigned webhooks outside production', () => {
    vi.stubEnv('NODE_ENV', 'development')
    vi.stubEnv('WEBHOOK_URLS', 'https://a.example/hook')
    vi.stubEnv('WEBHOOK_SECRET', '')
    expect(webhookSecret()).toBeUndefined()
  })

  it('reads the retry base delay in milliseconds, 30 s by default', () => {
    vi.stubEnv('WEBHOOK_RETRY_DELAY_MS', '')
    expect(webhookRetryDelayMs()).toBe(30_000)
    vi.stubEnv('WEBHOOK_RETRY_DELAY_MS', '250')
    expect(webhookRetryDelayMs()).toBe(250)
    vi.stubEnv('WEBHOOK_RETRY_DELAY_MS', '1.5s')
    expect(() => webhookRetryDelayMs()).toThrow(/WEBHOOK_RETRY_DELAY_MS must be a whole number of milliseconds, got "1.5s"/)
  })
})

describe('webhook events', () => {
  it.each([
    ['publish', false, 'article.published'],
    ['scheduled_publish', false, 'article.published'],
    ['publish', true, 'article.updated'],
    ['scheduled_publish', true, 'article.updated'],
    ['unpublish', true, 'article.unpublished'],
    ['submit', true, undefined],
    ['approve', false, undefined],
    ['schedule', true, undefined],
    ['request_changes', false, undefined],
  ] as const)('%s (live before: %s) sends %s', (action, wasLive, event) => {
    expect(webhookEventFor(action, wasLive)).toBe(event)
  })

  it('carries the identity of the article only, with a fresh delivery id each time', () => {
    const article = {
      id: 7,
      title: 'Trams are back',
      slug: 'trams-are-back',
      dek: 'Draft standfirst',
      publishedAt: '2026-01-02T03:04:05.000Z',
      reviewState: 'published',
      approvedHash: 'abc',
    } as unknown as Article
    const event = buildEvent('article.published', article, '2026-01-02T03:04:06.000Z')
    expect(event).toEqual({
      event: 'article.published',
      id: 7,
      slug: 'trams-are-back',
      title: 'Trams are back',
      publishedAt: '2026-01-02T03:04:05.000Z',
      at: '2026-01-02T03:04:06.000Z',
      deliveryId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(buildEvent('article.published', article).deliveryId).not.toBe(event.deliveryId)
  })

  it('signs the exact UTF-8 body bytes with HMAC-SHA256', () => {
    const body = '{"event":"article.published","title":"Café"}'
    // printf '%s' "$body" | openssl dgst -sha256 -hmac k
    expect(signature(body, 'k')).toBe('sha256=e4b8284c279a3ea19357d6a5e1558a7c3f8b4c3e50901977cda3e7c3a8b3ab10')
    expect(signature(`${body} `, 'k')).not.toBe(signature(body, 'k'))
  })
})
