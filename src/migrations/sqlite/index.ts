import * as migration_20261125_110442_initial from './20261125_110442_initial';
import * as migration_20261125_113356_workflow from './20261125_113356_workflow';
import * as migration_20261125_114603_comments_moderation_preview from './20261125_114603_comments_moderation_preview';
import * as migration_20261125_122345_forgot_password_without_interval from './20261125_122345_forgot_password_without_interval';
import * as migration_20261125_124206_import_fields from './20261125_124206_import_fields';
import * as migration_20261125_140102_comment_listing_indexes from './20261125_140102_comment_listing_indexes';
import * as migration_20261202_144613_audit_actor_names from './20261202_144613_audit_actor_names';
import * as migration_20261202_151337_public_read_model from './20261202_151337_public_read_model';
import * as migration_20261204_191702_shared_counters_media_prefix from './20261204_191702_shared_counters_media_prefix';

export const migrations = [
  {
    up: migration_20261125_110442_initial.up,
    down: migration_20261125_110442_initial.down,
    name: '20261125_110442_initial',
  },
  {
    up: migration_20261125_113356_workflow.up,
    down: migration_20261125_113356_workflow.down,
    name: '20261125_113356_workflow',
  },
  {
    up: migration_20261125_114603_comments_moderation_preview.up,
    down: migration_20261125_114603_comments_moderation_preview.down,
    name: '20261125_114603_comments_moderation_preview',
  },
  {
    up: migration_20261125_122345_forgot_password_without_interval.up,
    down: migration_20261125_122345_forgot_password_without_interval.down,
    name: '20261125_122345_forgot_password_without_interval',
  },
  {
    up: migration_20261125_124206_import_fields.up,
    down: migration_20261125_124206_import_fields.down,
    name: '20261125_124206_import_fields',
  },
  {
    up: migration_20261125_140102_comment_listing_indexes.up,
    down: migration_20261125_140102_comment_listing_indexes.down,
    name: '20261125_140102_comment_listing_indexes',
  },
  {
    up: migration_20261202_144613_audit_actor_names.up,
    down: migration_20261202_144613_audit_actor_names.down,
    name: '20261202_144613_audit_actor_names',
  },
  {
    up: migration_20261202_151337_public_read_model.up,
    down: migration_20261202_151337_public_read_model.down,
    name: '20261202_151337_public_read_model',
  },
  {
    up: migration_20261204_191702_shared_counters_media_prefix.up,
    down: migration_20261204_191702_shared_counters_media_prefix.down,
    name: '20261204_191702_shared_counters_media_prefix'
  },
];
