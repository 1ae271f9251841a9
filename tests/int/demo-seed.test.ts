import { describe, expect, it } from 'vitest'

import { seedDemo } from '../../src/seed/seedDemo'
import { getTestPayload } from '../helpers/payload'

describe('the demo seed', () => {
  it('creates the demo accounts, authors, sources, articles in every state and comments in every status, once', async () => {
    const payload = await getTestPayload()
    expect(await seedDemo(payload, 'demo-password')).toBe(true)

    const users = await payload.find({ collection: 'users', limit: 10 })
    expect(users.docs.map((u) => u.email).sort()).toEqual(
      [
        'admin@example.com',
        'contributor@example.com',
        'editor@example.com',
        'publisher@example.com',
      ].sort(),
    )
    expect((await payload.count({ collection: 'authors' })).totalDocs).toBeGreaterThanOrEqual(3)
    const sources = await payload.find({ collection: 'sources', limit: 50 })
    expect(new Set(sources.docs.map((s) => s.kind)).size).toBeGreaterThanOrEqual(5)

    const articles = await payload.find({ collection: 'articles', draft: true, limit: 50 })
    expect(articles.totalDocs).toBeGreaterThanOrEqual(8)
    expect(new Set(articles.docs.map((a) => a.reviewState))).toEqual(
      new Set(['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published']),
    )
    expect(articles.docs.filter((a) => (a.sources ?? []).length > 0).length).toBeGreaterThanOrEqual(
      6,
    )

    const comments = await payload.find({ collection: 'comments', limit: 50 })
    expect(new Set(comments.docs.map((c) => c.status))).toEqual(
      new Set(['pending', 'approved', 'rejected', 'spam']),
    )

    const login = await payload.login({
      collection: 'users',
      data: { email: 'contributor@example.com', password: 'demo-password' },
    })
    expect(login.user?.roles).toEqual(['contributor'])

    expect(await seedDemo(payload, 'demo-password')).toBe(false)
    expect((await payload.count({ collection: 'users' })).totalDocs).toBe(4)
  })
})
