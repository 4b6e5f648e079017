// jurisdiction: the bureau's stations, communities, officers and roster (imported as versioned
// documents), residents' community binding. Residents' requests to their officer are the requests function's.
import { jurisdictionContract } from '../../src/core/jurisdiction/contract'
import { createMain } from '../_shared/runtime'
import { bindCommunity, bindCommunityByLocation, coveredCommunities, listCommunities, listStations, myCommunity } from './actions/communities'
import { exportJurisdiction, importJurisdiction, listJurisdictionVersions, rollbackJurisdiction } from './actions/versions'

export const main = createMain(jurisdictionContract, {
  listStations,
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
