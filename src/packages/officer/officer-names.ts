// Officer names by id, for reassignment logs, which store ids. Whatever the screen already holds
// (its communities' officers, the requests' assignees) is used first; the station's full list is
// fetched only when a log names someone else.
import { useEffect, useMemo, useState } from 'react'
import { jurisdictionContract, type CommunityCard, type OfficerContact, type RoutedRequestView } from '../../core/jurisdiction/contract'
import { call } from '../../services/cloud'

const contactsOf = (communities: readonly CommunityCard[]): OfficerContact[] => communities.flatMap((c) => [c.officer, ...c.auxiliaries])

export function useOfficerNames(known: readonly OfficerContact[], requests: readonly RoutedRequestView[]): ReadonlyMap<string, string> {
  const [fetched, setFetched] = useState<OfficerContact[]>([])
  const names = useMemo(
    () => new Map([...fetched, ...known, ...requests.map((r) => r.assignee)].map((o) => [o.id, o.name] as const)),
    [fetched, known, requests],
  )
  const missing = requests.some((r) => r.reassignments.some((e) => !names.has(e.from) || !names.has(e.to)))
  useEffect(() => {
    if (!missing || fetched.length > 0) return
    call(jurisdictionContract, 'listCommunities', {}).then(
      (communities) => setFetched(contactsOf(communities)),
      // Names are a courtesy here: without them the log shows officer ids.
      () => undefined,
    )
  }, [missing, fetched.length])
  return names
}

export { contactsOf }
