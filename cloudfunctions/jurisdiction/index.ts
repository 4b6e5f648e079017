// jurisdiction: communities, officers and roster (imported as versioned documents), residents'
// community binding, and requests routed to the responsible officer.
import { jurisdictionContract } from '../../src/core/jurisdiction/contract'
import { createMain } from '../_shared/runtime'
import { bindCommunity, bindCommunityByLocation, coveredCommunities, listCommunities, myCommunity } from './actions/communities'
import { askOfficer, myAskedRequests, reassignRequest, routedToMe } from './actions/requests'
import { exportJurisdiction, importJurisdiction, listJurisdictionVersions, rollbackJurisdiction } from './actions/versions'

export const main = createMain(jurisdictionContract, {
  listCommunities,
  myCommunity,
  bindCommunity,
  bindCommunityByLocation,
  coveredCommunities,
  askOfficer,
  myAskedRequests,
  routedToMe,
  reassignRequest,
  importJurisdiction,
  exportJurisdiction,
  listJurisdictionVersions,
  rollbackJurisdiction,
})
