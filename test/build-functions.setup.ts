// Integration suites run the built function folders, as the cloud does.
import { buildFunctions } from '../scripts/build-functions'

export default async function buildFunctionsForTests() {
  await buildFunctions({ quiet: true })
}
