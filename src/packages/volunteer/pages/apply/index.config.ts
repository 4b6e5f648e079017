import { volunteerZhHans } from '../../i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: volunteerZhHans['volunteer.apply.title'] })
