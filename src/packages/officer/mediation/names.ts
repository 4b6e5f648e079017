// Names for the ids mediation stores (communities, officers): the station's community list,
// fetched once per screen. Until it arrives, or if it fails, ids are shown.
import { useEffect, useState } from 'react'
import { jurisdictionContract } from '../../../core/jurisdiction/contract'
import { localizedName } from '../../../i18n/localized-name'
import { call } from '../../../services/cloud'
import { useSession } from '../../../services/session'
import { contactsOf } from '../officer-names'

export interface Names {
  community: (id: string | null) => string
  officer: (id: string) => string
}

export function useNames(): Names {
  const { language } = useSession()
  const [maps, setMaps] = useState<{ communities: Map<string, { zh: string; mn?: string }>; officers: Map<string, string> } | null>(null)
  useEffect(() => {
    call(jurisdictionContract, 'listCommunities', {}).then(
      (communities) => setMaps({ communities: new Map(communities.map((c) => [c.id, c.name])), officers: new Map(contactsOf(communities).map((o) => [o.id, o.name])) }),
      () => undefined,
    )
  }, [])
  return {
    community: (id) => {
      if (!id) return '—'
      const name = maps?.communities.get(id)
      return name ? localizedName(name, language) : id
    },
    officer: (id) => maps?.officers.get(id) ?? id,
  }
}
