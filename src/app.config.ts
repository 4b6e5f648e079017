// Mini-program layout: residents' screens in the main package; officer (and leadership),
// volunteer and admin screens in subpackages, downloaded only by the people who open them.
import { zhHans } from './i18n/zh-Hans'

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index', 'pages/privacy/index', 'pages/community/index'],
  subPackages: [
    { root: 'packages/officer', pages: ['pages/workbench/index', 'pages/leadership/index', 'pages/desk/index', 'pages/mediation/index', 'pages/mediation-case/index', 'pages/notices/index', 'pages/notices-compose/index', 'pages/notices-review/index', 'pages/audit/index', 'pages/inbox/index', 'pages/request/index'] },
    // The station dashboard's charts (F2, ~470 KB): only leaders and officers who open it download them.
    { root: 'packages/stats', pages: ['pages/dashboard/index'] },
    // Volunteer management (teams, activities, applications): weekly work, not the counter's; with
    // the volunteer catalog and contract it would put the officer subpackage over 300 KB.
    { root: 'packages/officer-volunteers', pages: ['pages/volunteers/index', 'pages/volunteers-activity/index'] },
    { root: 'packages/volunteer', pages: ['pages/center/index', 'pages/activity/index', 'pages/apply/index'] },
    // Booking carries its contract's schemas and date rules (~65 KB): too much for the main package.
    { root: 'packages/booking', pages: ['pages/index/index'] },
    { root: 'packages/admin', pages: ['pages/invites/index', 'pages/jurisdiction/index'] },
    // Mediation carries its contract's schemas: residents' screens in their own subpackage.
    { root: 'packages/mediation', pages: ['pages/index/index'] },
    { root: 'packages/notices', pages: ['pages/feed/index', 'pages/detail/index', 'pages/groups/index'] },
    // Requests (咨询, 求助, 举报, 投诉): filing and following one's own; carries the requests contract.
    { root: 'packages/requests', pages: ['pages/file/index', 'pages/mine/index'] },
    // Residents' rights over their data (export, deletion): opened rarely, kept out of the main package.
    { root: 'packages/privacy-rights', pages: ['pages/index/index'] },
  ],
  window: {
    // Replaced at runtime by the localized title (PageShell); this is the first paint.
    navigationBarTitleText: zhHans['app.name'],
    navigationBarBackgroundColor: '#1d3f7a',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f4f8',
    backgroundTextStyle: 'dark',
  },
  // Inject only the components a page renders: faster start for a mostly-resident audience.
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy gate: privacy APIs wait for our agreement page (services/wechat-privacy.ts).
  __usePrivacyCheck__: true,
  // Binding to a community by position (pages/community): WeChat requires both declarations.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: zhHans['community.locationPermission'] } },
})
