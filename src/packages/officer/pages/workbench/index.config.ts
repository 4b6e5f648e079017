import { officerZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: officerZhHans['workbench.title'] })
