import { adminZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: adminZhHans['jurisdiction.title'] })
