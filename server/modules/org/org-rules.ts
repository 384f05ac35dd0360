/** Pure rules of the org module: certificate validity, organization paths. */

/** A certificate lets its holder act on `date` when it is valid and the date lies within its term (both days included). */
export function isCertificateValidOn(
  certificate: { status: string; issuedOn: string; expiresOn: string },
  date: string,
): boolean {
  return certificate.status === 'valid' && certificate.issuedOn <= date && date <= certificate.expiresOn;
}

/** The path of an organization: its parent's path with its own id, or `/id/` for a root. */
export const organizationPath = (parentPath: string | null, id: string) => `${parentPath ?? '/'}${id}/`;
