/** Every page's address, typed, so links and redirects never drift from the router. */
export const paths = {
  portal: { home: '/', laws: '/laws', powers: '/powers', enforcement: '/enforcement' },
  console: {
    signIn: '/admin/sign-in',
    home: '/admin',
    organizations: '/admin/organizations',
    people: '/admin/people',
    certificates: '/admin/certificates',
    accounts: '/admin/accounts',
    security: '/admin/security',
    audit: '/admin/audit',
    calendar: '/admin/calendar',
    laws: '/admin/law',
    powers: '/admin/powers',
    powerChangeSets: '/admin/powers/change-sets',
    powerVersions: '/admin/powers/versions',
    changePassword: '/admin/change-password',
    enforcement: '/admin/enforcement',
    enforcementCases: '/admin/enforcement/cases',
    spotcheckEntities: '/admin/spotchecks/entities',
  },
  apiDocs: '/api/docs',
} as const;

/** A change set's page in the console. */
export const changeSetPath = (id: string) => `${paths.console.powerChangeSets}/${id}`;

/** An enforcement case's page in the console. */
export const casePath = (id: string) => `${paths.console.enforcementCases}/${id}`;

/** The portal's power-list pages: the organizations, a search over every list, one organization's lists, one item. */
export const portalPowerPaths = {
  home: paths.portal.powers,
  search: (query: string) => `${paths.portal.powers}/search?q=${encodeURIComponent(query)}`,
  organization: (id: string, listKind?: string) =>
    `${paths.portal.powers}/organizations/${id}${listKind ? `?listKind=${listKind}` : ''}`,
  item: (id: string) => `${paths.portal.powers}/items/${id}`,
};

/** The portal's 行政执法公示: the bodies, one body (?tab=…), published decisions, one decision, the certificate check. */
export const portalEnforcementPaths = {
  home: paths.portal.enforcement,
  body: (id: string, tab?: string) => `${paths.portal.enforcement}/bodies/${id}${tab ? `?tab=${tab}` : ''}`,
  decisions: `${paths.portal.enforcement}/decisions`,
  decision: (id: string) => `${paths.portal.enforcement}/decisions/${id}`,
  officer: (certificateNumber: string) =>
    `${paths.portal.enforcement}/officers/${encodeURIComponent(certificateNumber)}`,
};

/**
 * A law's page, scrolled to one article: `/laws/<id>?article=58` on the portal,
 * `/admin/law/<id>?article=58-1` in the console (58-1 is 第五十八条之一).
 */
export function lawArticlePath(
  base: 'portal' | 'console',
  lawId: string,
  article?: { number: number; subNumber?: number },
): string {
  const page = `${base === 'portal' ? paths.portal.laws : paths.console.laws}/${lawId}`;
  if (!article) return page;
  const anchor = article.subNumber ? `${article.number}-${article.subNumber}` : String(article.number);
  return `${page}?article=${anchor}`;
}

/** 涉企信息归集: an entity's profile in the console, by its 统一社会信用代码. */
export const entityProfilePath = (creditCode: string) =>
  `${paths.console.spotcheckEntities}/${encodeURIComponent(creditCode)}`;

/** The portal's 企业信息查询: the search (?q=…) and one enterprise's public profile. */
export const portalEntityPaths = {
  search: '/entities',
  searchFor: (query: string) => `/entities?q=${encodeURIComponent(query)}`,
  entity: (creditCode: string) => `/entities/${encodeURIComponent(creditCode)}`,
};
