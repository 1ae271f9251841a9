import { Webhook, WebhookVerificationError } from 'standardwebhooks'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ConfigError, webhookRetryDelayMs, webhookSecret, webhookUrls } from '../../src/env'
import type { Article } from '../../src/payload-types'
import {
  buildEvent,
  signatureHeaders,
  webhookEventFor,
  webhookSigner,
} from '../../src/services/outbox/webhooks'

afterEach(() => vi.unstubAllEnvs())

describe('webhook configuration', () => {
  it('reads WEBHOOK_URLS as a comma-separated list, ignoring blanks', () => {
    vi.stubEnv('WEBHOOK_URLS', ' https://a.example/hook , ,http://127.0.0.1:4000/revalidate ')
    expect(webhookUrls()).toEqual(['https://a.example/hook', 'http://127.0.0.1:4000/revalidate'])
    vi.stubEnv('WEBHOOK_URLS', '')
    expect(webhookUrls()).toEqual([])
  })

  it.each(['frontend.example/hook', 'ftp://files.example/hook', 'javascript:alert(1)'])(
    'refuses %s, naming it',
    (bad) => {
      vi.stubEnv('WEBHOOK_URLS', `https://ok.example/hook,${bad}`)
      expect(() => webhookUrls()).toThrow(ConfigError)
      expect(() => webhookUrls()).toThrow(`WEBHOOK_URLS has "${bad}", which is not an http(s) URL`)
    },
  )

  it('requires WEBHOOK_SECRET in production when there are receivers, and only then', () => {
    vi.stubEnv('NODE_ENV', 'production')
    vi.stubEnv('WEBHOOK_SECRET', '')
    vi.stubEnv('WEBHOOK_URLS', 'https://a.example/hook')
    expect(() => webhookSecret()).toThrow(
      /WEBHOOK_SECRET is required in production when WEBHOOK_URLS is set/,
    )
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
    expect(() => webhookRetryDelayMs()).toThrow(
      /WEBHOOK_RETRY_DELAY_MS must be a whole number of milliseconds, got "1.5s"/,
    )
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

  it('carries the identity of the article only, with a fresh event id each time', () => {
    const article = {
      id: 7,
      title: 'Trams are back',
      slug: 'trams-are-back',
      dek: 'Draft standfirst',
      publishedAt: '2026-01-02T03:04:05.000Z',
      reviewState: 'published',
      approvedHash: 'abc',
    } as unknown as Article
    const event = buildEvent('article.published', article, undefined, '2026-01-02T03:04:06.000Z')
    expect(event).toEqual({
      event: 'article.published',
      eventId: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      id: 7,
      slug: 'trams-are-back',
      title: 'Trams are back',
      publishedAt: '2026-01-02T03:04:05.000Z',
      at: '2026-01-02T03:04:06.000Z',
    })
    expect(buildEvent('article.published', article).eventId).not.toBe(event.eventId)
  })
})

describe('webhook signatures (Standard Webhooks)', () => {
  it('signs the test vector of the specification, for a whsec_ secret', () => {
    // From the Standard Webhooks specification's test vectors.
    const signer = webhookSigner('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')
    expect(
      signer.sign('msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330_000), '{"test": 2432232314}'),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')
  })

  it('sends webhook-id, webhook-timestamp and a signature over id.timestamp.body that a receiver verifies', () => {
    const body = '{"event":"article.published","title":"Café"}'
    const headers = signatureHeaders('plain secret', 'evt_1', body)
    expect(headers).toEqual({
      'webhook-id': 'evt_1',
      'webhook-timestamp': expect.stringMatching(/^\d{10}$/),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]+=*$/),
    })
    // What a receiver does with the same secret (its UTF-8 bytes are the key).
    const receiver = new Webhook(Buffer.from('plain secret', 'utf8'), { format: 'raw' })
    expect(receiver.verify(body, headers)).toEqual({ event: 'article.published', title: 'Café' })
    expect(() => receiver.verify(`${body} `, headers)).toThrow(WebhookVerificationError)
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'evt_2' })).toThrow(
      WebhookVerificationError,
    )
    expect(() =>
      new Webhook(Buffer.from('another', 'utf8'), { format: 'raw' }).verify(body, headers),
    ).toThrow(WebhookVerificationError)
  })

  it('is refused by a receiver once it is older than five minutes (a replay), and accepted just before', () => {
    const body = '{"event":"article.updated"}'
    const receiver = new Webhook(Buffer.from('k', 'utf8'), { format: 'raw' })
    const old = signatureHeaders('k', 'evt_1', body, new Date(Date.now() - 6 * 60_000))
    expect(() => receiver.verify(body, old)).toThrow(/Message timestamp too old/)
    const recent = signatureHeaders('k', 'evt_1', body, new Date(Date.now() - 4 * 60_000))
    expect(receiver.verify(body, recent)).toEqual({ event: 'article.updated' })
  })

  it('sends the id and timestamp but no signature when there is no secret (development only)', () => {
    expect(Object.keys(signatureHeaders(undefined, 'evt_1', '{}'))).toEqual([
      'webhook-id',
      'webhook-timestamp',
    ])
  })
})
