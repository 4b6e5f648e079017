// E2E needs Chromium and fonts (installed when missing: scripts/provision-browser.ts), the
// functions, the h5 build the browser runs and the weapp build the bundle test reads; each build
// is redone only when its sources are newer.
import { buildFunctions } from '../scripts/build-functions'
import { provisionBrowser } from '../scripts/provision-browser'
import { buildTaroIfStale } from './support/taro-build'

export default async function buildAppForTests() {
  // First, so a machine that cannot run the browser says so before minutes of building.
  provisionBrowser()
  await buildFunctions({ quiet: true })
  buildTaroIfStale('h5')
  // The mini-program build is the production one: the bundle test checks what it carries.
  buildTaroIfStale('weapp')
}
