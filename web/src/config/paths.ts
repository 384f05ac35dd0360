/** Every page's address, typed, so links and redirects never drift from the router. */
export const paths = {
  portal: { home: '/' },
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
    changePassword: '/admin/change-password',
  },
  apiDocs: '/api/docs',
} as const;
