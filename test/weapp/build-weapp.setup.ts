// The weapp tier checks the production mini-program build and renders it against the emulator,
// which runs the built functions; each is rebuilt only when its sources are newer.
import { buildFunctions } from '../../scripts/build-functions'
import { buildTaroIfStale } from '../support/taro-build'

export default async function buildWeappForTests() {
  await buildFunctions({ quiet: true })
  buildTaroIfStale('weapp')
}
