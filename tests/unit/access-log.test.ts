import { describe, expect, it } from 'vitest'

import { loggedPath } from '../../src/server/accessLog'

describe('loggedPath', () => {
  it.each([
    ['/api/articles', '/api/articles'],
    ['/api/articles?where[slug][equals]=x&token=s3cret', '/api/articles'],
    ['/admin/login?redirect=%2Fadmin#top', '/admin/login'],
    ['/api/preview/eyJhIjoxMSwibiI6.c2lnbmF0dXJl', '/api/preview/[token]'],
    ['/api/preview/eyJhIjoxMSwibiI6.c2lnbmF0dXJl?x=1', '/api/preview/[token]'],
    ['/api/users/verify/0f3a9c', '/api/users/verify/[token]'],
    ['/admin/reset/0f3a9c', '/admin/reset/[token]'],
    ['/admin/users/verify/0f3a9c', '/admin/users/verify/[token]'],
    ['/api/articles/11/preview-link', '/api/articles/11/preview-link'],
  ])('logs %s as %s', (url, path) => {
    expect(loggedPath(url)).toBe(path)
  })
})
