// Roles as the person reads them: localized names, never the stored identifiers.
import { View } from '@tarojs/components'
import { Tag } from '@nutui/nutui-react-taro'
import type { Role } from '../core/roles'
import type { MessageKey } from '../i18n'
import { useT } from '../services/use-t'

export const ROLE_NAME_KEYS: Record<Role, MessageKey> = {
  resident: 'role.resident',
  volunteer: 'role.volunteer',
  officer: 'role.officer',
  station_leader: 'role.station_leader',
  admin: 'role.admin',
  bureau_leader: 'role.bureau_leader',
  bureau_admin: 'role.bureau_admin',
}

export interface RoleTagsProps {
  roles: readonly Role[]
}

export function RoleTags({ roles }: RoleTagsProps) {
  const t = useT()
  return (
    <View className="fq-tags role-tags">
      {roles.map((role) => (
        <Tag key={role} className={`fq-tag role-tag-${role}`} type={role === 'resident' ? 'default' : 'primary'}>
          {t(ROLE_NAME_KEYS[role])}
        </Tag>
      ))}
    </View>
  )
}
