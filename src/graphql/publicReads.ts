import { GraphQLJSON } from '@payloadcms/graphql/types'
import type { GraphQLObjectType as GraphQLObjectTypeOf, GraphQLScalarType } from 'graphql'
import type { GraphQLExtension, PayloadRequest } from 'payload'

import { listQueryOf } from '../services/publicPages/query'
import { listPublicArticles, readPublicArticle } from '../services/publicPages/read'

type GraphQLModule = Parameters<GraphQLExtension>[0]

/**
 * The public GraphQL reads for frontends, answered from the read model like their REST twins:
 * `publicArticle(slug)` is GET /api/public/articles/:slug's document (null when not public) and
 * `publicArticles(author, source, tag, page, limit)` its list. Whoever asks gets the public view.
 * Rich parts (the Lexical body, an image's sizes, an author's links) are JSON as REST has them.
 */
export const publicReadQueries: GraphQLExtension = (GraphQL) => {
  const types = publicTypes(GraphQL)
  return {
    publicArticle: {
      type: types.article,
      args: { slug: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) } },
      resolve: async (_source: unknown, args: { slug: string }, context: { req: PayloadRequest }) =>
        parsed(await readPublicArticle(context.req.payload, args.slug)),
    },
    publicArticles: {
      type: new GraphQL.GraphQLNonNull(types.page),
      args: {
        author: { type: GraphQL.GraphQLString },
        source: { type: GraphQL.GraphQLString },
        tag: { type: GraphQL.GraphQLString },
        page: { type: GraphQL.GraphQLInt },
        limit: { type: GraphQL.GraphQLInt },
      },
      resolve: async (
        _source: unknown,
        args: Record<string, unknown>,
        context: { req: PayloadRequest },
      ) => parsed(await listPublicArticles(context.req.payload, listQueryOf(args))),
    },
  }
}

/** The read model answers JSON text, ready for REST; GraphQL resolves fields of the object. */
const parsed = (json: string | null): unknown => (json === null ? null : JSON.parse(json))

function publicTypes(GraphQL: GraphQLModule) {
  const { GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType } =
    GraphQL
  const text = { type: GraphQL.GraphQLString }
  const number = { type: GraphQLInt }
  const id = { type: new GraphQLNonNull(GraphQLID) }
  const list = (type: GraphQLScalarType | GraphQLObjectTypeOf) => ({
    type: new GraphQLList(new GraphQLNonNull(type)),
  })

  const media = new GraphQLObjectType({
    name: 'PublicMedia',
    fields: {
      id,
      alt: text,
      credit: text,
      url: text,
      filename: text,
      mimeType: text,
      width: number,
      height: number,
      sizes: { type: GraphQLJSON },
    },
  })
  /** A relation as stored at depth 1: a document, or its id where it is not populated. */
  const populated = <T>(value: T | number | string | null | undefined) =>
    value && typeof value === 'object' ? value : null
  const authorRef = new GraphQLObjectType({
    name: 'PublicAuthorRef',
    fields: { id, name: text, slug: text },
  })
  const author = new GraphQLObjectType({
    name: 'PublicAuthor',
    fields: {
      id,
      name: text,
      slug: text,
      bio: text,
      links: { type: GraphQLJSON },
      photo: { type: GraphQLJSON },
    },
  })
  const source = new GraphQLObjectType({
    name: 'PublicSource',
    fields: { id, name: text, slug: text, kind: text, url: text },
  })
  type Comment = { replies?: Comment[] }
  const comment: GraphQLObjectTypeOf<Comment> = new GraphQLObjectType<Comment>({
    name: 'PublicComment',
    fields: () => ({
      id,
      authorName: text,
      body: text,
      createdAt: text,
      replies: {
        ...list(comment),
        resolve: (parent: Comment) => parent.replies ?? [],
      },
    }),
  })
  const heroImage = {
    type: media,
    resolve: (parent: { heroImage?: unknown }) => populated(parent.heroImage),
  }
  /** What a list's card shows, and an article page too. */
  const listed = { id, title: text, slug: text, dek: text, publishedAt: text, heroImage }
  const article = new GraphQLObjectType({
    name: 'PublicArticle',
    fields: {
      ...listed,
      updatedAt: text,
      tags: list(GraphQL.GraphQLString),
      commentsEnabled: { type: GraphQLBoolean },
      authors: list(author),
      sources: list(source),
      body: { type: GraphQLJSON },
      comments: list(comment),
    },
  })
  const card = new GraphQLObjectType({
    name: 'PublicArticleCard',
    fields: { ...listed, authors: list(authorRef) },
  })
  const page = new GraphQLObjectType({
    name: 'PublicArticlesPage',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(card))) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
      hasPrevPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
      prevPage: number,
      nextPage: number,
    },
  })
  return { article, page }
}
