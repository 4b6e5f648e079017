// E2E needs the functions, the h5 build the browser runs and the weapp build the bundle test
// reads; each is rebuilt only when its sources are newer.
import { buildFunctions } from '../scripts/build-functions'
import { buildTaroIfStale } from './support/taro-build'

export default async function buildAppForTests() {
  await buildFunctions({ quiet: true })
  buildTaroIfStale('h5')
  // The mini-program build is the production one: the bundle test checks what it carries.
  buildTaroIfStale('weapp')
}
