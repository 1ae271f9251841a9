import { WorkflowPanel as WorkflowPanel_1ed821aee007f45761041bd89fbaa4a6 } from '../../../../src/components/WorkflowPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { BlocksFeatureClient as BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { QuoteGapsNotice as QuoteGapsNotice_38da59c8c34a592e322cf6ec3e29cc67 } from '../../../../src/components/QuoteGapsNotice'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ArticleBodyDiff as ArticleBodyDiff_b511ca7dc50e729ba87bb900f5c887dc } from '../../../../src/components/ArticleBodyDiff'
import { ReviewStateCell as ReviewStateCell_e6c66212510cd16e5569f15cdc330a18 } from '../../../../src/components/ReviewStateCell'
import { DocumentStatus as DocumentStatus_f5f03412a8036917295e6ce65ed89f74 } from '../../../../src/components/workflowPanel/DocumentStatus'
import { CommentLineCell as CommentLineCell_299f976834247e4eee97464c3547bd2c } from '../../../../src/components/moderation/cells'
import { CommentStatusCell as CommentStatusCell_299f976834247e4eee97464c3547bd2c } from '../../../../src/components/moderation/cells'
import { CommentAgeCell as CommentAgeCell_299f976834247e4eee97464c3547bd2c } from '../../../../src/components/moderation/cells'
import { ModerateCell as ModerateCell_299f976834247e4eee97464c3547bd2c } from '../../../../src/components/moderation/cells'
import { BulkModeration as BulkModeration_f22fb5c994743840cfa95301554cd41d } from '../../../../src/components/moderation/BulkModeration'
import { CurrentPasswordField as CurrentPasswordField_2c1957eae8e18a7c7fc440ff22930ac7 } from '../../../../src/components/CurrentPasswordField'
import { ImportViewNavLink as ImportViewNavLink_2325c0ab18430c902d2f7befa537d4cd } from '../../../../src/components/ImportViewNavLink'
import { ReviewDashboard as ReviewDashboard_c0dd4f50c9020ed622222d7cad1f006f } from '../../../../src/components/ReviewDashboard'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ImportView as ImportView_db07af87ce169290a96b9ca92daaac82 } from '../../../../src/components/ImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/src/components/WorkflowPanel#WorkflowPanel": WorkflowPanel_1ed821aee007f45761041bd89fbaa4a6,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#BlocksFeatureClient": BlocksFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/QuoteGapsNotice#QuoteGapsNotice": QuoteGapsNotice_38da59c8c34a592e322cf6ec3e29cc67,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/ArticleBodyDiff#ArticleBodyDiff": ArticleBodyDiff_b511ca7dc50e729ba87bb900f5c887dc,
  "/src/components/ReviewStateCell#ReviewStateCell": ReviewStateCell_e6c66212510cd16e5569f15cdc330a18,
  "/src/components/workflowPanel/DocumentStatus#DocumentStatus": DocumentStatus_f5f03412a8036917295e6ce65ed89f74,
  "/src/components/moderation/cells#CommentLineCell": CommentLineCell_299f976834247e4eee97464c3547bd2c,
  "/src/components/moderation/cells#CommentStatusCell": CommentStatusCell_299f976834247e4eee97464c3547bd2c,
  "/src/components/moderation/cells#CommentAgeCell": CommentAgeCell_299f976834247e4eee97464c3547bd2c,
  "/src/components/moderation/cells#ModerateCell": ModerateCell_299f976834247e4eee97464c3547bd2c,
  "/src/components/moderation/BulkModeration#BulkModeration": BulkModeration_f22fb5c994743840cfa95301554cd41d,
  "/src/components/CurrentPasswordField#CurrentPasswordField": CurrentPasswordField_2c1957eae8e18a7c7fc440ff22930ac7,
  "/src/components/ImportViewNavLink#ImportViewNavLink": ImportViewNavLink_2325c0ab18430c902d2f7befa537d4cd,
  "/src/components/ReviewDashboard#ReviewDashboard": ReviewDashboard_c0dd4f50c9020ed622222d7cad1f006f,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/src/components/ImportView#ImportView": ImportView_db07af87ce169290a96b9ca92daaac82,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
