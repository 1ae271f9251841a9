import * as migration_20261204_191656_initial from './20261204_191656_initial';

export const migrations = [
  {
    up: migration_20261204_191656_initial.up,
    down: migration_20261204_191656_initial.down,
    name: '20261204_191656_initial'
  },
];
