import { officerVolunteersZhHans } from '../../volunteers/i18n/zh-Hans'

export default definePageConfig({ navigationBarTitleText: officerVolunteersZhHans['ov.title'] })
