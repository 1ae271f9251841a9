/** The review workflow as pure rules: no Payload import, so it is unit-tested exhaustively. */
export * from './states'
export * from './transitions'
export * from './decide'
export * from './guards'
export * from './contentHash'
export * from './editRules'
export * from './labels'
export * from './restore'
