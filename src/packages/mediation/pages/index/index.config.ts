import { mediationZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: mediationZhHans['mediation.title'] })
