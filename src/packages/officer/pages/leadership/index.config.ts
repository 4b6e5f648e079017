import { officerZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: officerZhHans['leader.title'] })
