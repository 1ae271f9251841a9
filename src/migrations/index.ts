import * as migration_20261125_105932_initial from './20261125_105932_initial';

export const migrations = [
  {
    up: migration_20261125_105932_initial.up,
    down: migration_20261125_105932_initial.down,
    name: '20261125_105932_initial'
  },
];
