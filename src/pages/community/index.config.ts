import { zhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: zhHans['community.title'] })
