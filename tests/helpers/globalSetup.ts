import type { TestProject } from 'vitest/node'

import { startMongo } from './mongo'

/** `TEST_DB=mongodb` (npm run test:mongo) runs the suite against a MongoDB replica set. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB !== 'mongodb') return
  const mongo = await startMongo()
  project.provide('mongoUri', mongo.uri)
  return () => mongo.stop()
}

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string
  }
}
