// The officers' volunteer screens' catalog and its translate hook; the volunteer subpackage's
// words (kinds, skills, standings) are reused from its catalog through useVolunteerWords.
import type { Catalog } from '../../../../i18n'
import { useCatalogT } from '../../../../services/use-catalog-t'
import { officerVolunteersMnMong } from './mn-Mong'
import { officerVolunteersZhHans, type OfficerVolunteersMessageKey } from './zh-Hans'

export type { OfficerVolunteersMessageKey }
export const officerVolunteersCatalog: Catalog<OfficerVolunteersMessageKey> = { zh: officerVolunteersZhHans, mn: officerVolunteersMnMong }
export const useOfficerVolunteersT = () => useCatalogT(officerVolunteersCatalog)
