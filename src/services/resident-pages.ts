// Where the residents' screens about their community live (app.config.ts lists them), for links.
export const COMMUNITY_PAGE = '/pages/community/index'
