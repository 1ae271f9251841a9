import type { CollectionConfig } from 'payload'
import { BlocksFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

import { admins } from '../access/admins'
import { readArticles, updateArticles } from '../access/articleAccess'
import { authenticated } from '../access/authenticated'
import { staff } from '../access/staff'
import { Quote } from '../blocks/Quote'
import { getArticleWorkflow, postArticleWorkflow } from '../endpoints/articleWorkflow'
import { postPreviewLink } from '../endpoints/preview'
import { restoreArticleVersion } from '../endpoints/restoreArticleVersion'
import { slugField } from '../fields/slug'
import { internalAdmin } from '../fields/internal'
import { validateAuthors } from '../fields/validateAuthors'
import { workflowFields, workflowPanel } from '../fields/workflowFields'
import { applyEditRules } from '../hooks/articles/applyEditRules'
import { assignContributorAuthor } from '../hooks/articles/assignContributorAuthor'
import { guardWorkflowFields } from '../hooks/articles/guardWorkflowFields'
import { includeCitedSources } from '../hooks/articles/includeCitedSources'
import { lockArticleForWrite } from '../hooks/articles/lockArticleForWrite'
import { normaliseTags } from '../hooks/articles/normaliseTags'
import { preventPublishedDelete } from '../hooks/articles/preventPublishedDelete'
import { recordEditEvents } from '../hooks/articles/recordEditEvents'
import { refuseLockedEdits } from '../hooks/articles/refuseLockedEdits'
import { saveEditsAsDrafts } from '../hooks/articles/saveEditsAsDrafts'
import { sortPublicListsByPublication } from '../hooks/articles/sortPublicListsByPublication'
import { ARTICLES, AUTHORS, MEDIA, SOURCES } from './slugs'

export const Articles: CollectionConfig = {
  slug: ARTICLES,
  access: {
    read: readArticles,
    // Version history (/versions) is for the desk; contributors read their drafts with ?draft=true.
    readVersions: staff,
    create: authenticated,
    update: updateArticles,
    delete: admins,
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'reviewState', 'authors', 'updatedAt', 'publishedAt'],
    // The header shows the review state and whether edits are saved, not Payload's Draft/Published.
    components: { edit: { Status: '/src/components/workflowPanel/DocumentStatus#DocumentStatus' } },
  },
  defaultSort: '-updatedAt',
  // Where an article is populated (a comment's article, an audit event's), only what identifies it:
  // a page of 100 comments embedded 100 whole articles (1.5 MB).
  defaultPopulate: { title: true, slug: true, _status: true, publishedAt: true },
  fields: [
    workflowPanel,
    { name: 'title', type: 'text', required: true, maxLength: 200 },
    slugField('title'),
    { name: 'dek', label: 'Standfirst', type: 'textarea', maxLength: 300 },
    {
      name: 'body',
      type: 'richText',
      editor: lexicalEditor({
        // Quotations go through the Quote block, which cites a source; the plain blockquote does not.
        features: ({ defaultFeatures }) => [
          ...defaultFeatures.filter((feature) => feature.key !== 'blockquote'),
          BlocksFeature({ blocks: [Quote] }),
        ],
      }),
      admin: { components: { Diff: '/src/components/ArticleBodyDiff#ArticleBodyDiff' } },
    },
    { name: 'heroImage', type: 'upload', relationTo: MEDIA },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: AUTHORS,
      hasMany: true,
      // Not `required`: the admin would mark it missing on a contributor's new article, which gets
      // its author on the server; every save still needs one (validateAuthors).
      validate: validateAuthors,
      admin: { position: 'sidebar' },
    },
    {
      name: 'sources',
      type: 'relationship',
      relationTo: SOURCES,
      hasMany: true,
      admin: {
        position: 'sidebar',
        description: 'Sources cited in Quote blocks are added automatically.',
      },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      maxRows: 20,
      maxLength: 50,
      hooks: { beforeValidate: [normaliseTags] },
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      label: 'Published at',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'commentsEnabled',
      label: 'Comments open',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'originalUrl',
      label: 'Original URL',
      type: 'text',
      maxLength: 2000,
      admin: {
        position: 'sidebar',
        description: 'Where an imported post lived before (for redirects).',
      },
    },
    // Identifies an imported post (`blogger:<entry id>`, `wordpress:<guid>`, `file:<sha1>`), so importing again updates it.
    {
      name: 'importKey',
      type: 'text',
      unique: true,
      index: true,
      access: { read: ({ req }) => Boolean(req.user) },
      admin: internalAdmin,
    },
    ...workflowFields,
  ],
  // Before Payload's own endpoints, so restoreArticleVersion answers POST /versions/:id.
  endpoints: [getArticleWorkflow, postArticleWorkflow, postPreviewLink, restoreArticleVersion],
  hooks: {
    beforeOperation: [
      lockArticleForWrite,
      saveEditsAsDrafts,
      refuseLockedEdits,
      sortPublicListsByPublication,
    ],
    beforeValidate: [assignContributorAuthor, guardWorkflowFields],
    beforeChange: [includeCitedSources, applyEditRules],
    afterChange: [recordEditEvents],
    beforeDelete: [preventPublishedDelete],
  },
  versions: {
    // Drafts are validated too: a draft still has a title and an author, and limits hold.
    drafts: { autosave: { interval: 2000 }, validate: true },
    maxPerDoc: 50,
  },
}
