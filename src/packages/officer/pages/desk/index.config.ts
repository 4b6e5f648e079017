import { counterZhHans } from '../../desk/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: counterZhHans['desk.title'] })
