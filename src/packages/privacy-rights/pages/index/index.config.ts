import { rightsZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: rightsZhHans['rights.title'] })
