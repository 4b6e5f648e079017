// Where the residents' requests screens live (app.config.ts registers them).
export const FILE_PAGE = '/packages/requests/pages/file/index'
export const MINE_PAGE = '/packages/requests/pages/mine/index'
