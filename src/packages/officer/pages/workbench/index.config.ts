import { zhHans } from '../../../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: zhHans['workbench.title'] })
