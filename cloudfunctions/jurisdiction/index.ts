// jurisdiction: communities, officers and roster (imported as versioned documents), residents'
// community binding. Residents' requests to their officer are the requests function's.
import { jurisdictionContract } from '../../src/core/jurisdiction/contract'
import { createMain } from '../_shared/runtime'
import { bindCommunity, bindCommunityByLocation, coveredCommunities, listCommunities, myCommunity } from './actions/communities'
import { exportJurisdiction, importJurisdiction, listJurisdictionVersions, rollbackJurisdiction } from './actions/versions'

export const main = createMain(jurisdictionContract, {
  listCommunities,
  myCommunity,
  bindCommunity,
  bindCommunityByLocation,
  coveredCommunities,
  importJurisdiction,
  exportJurisdiction,
  listJurisdictionVersions,
  rollbackJurisdiction,
})
