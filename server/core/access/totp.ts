import { Secret, TOTP } from 'otpauth';

const issuer = '法治政府建设平台';

const totpFor = (username: string, secretBase32: string) =>
  new TOTP({
    issuer,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secretBase32),
  });

/** A new random TOTP secret (160 bits), in base32 as authenticator apps expect. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app scans. */
export const totpUri = (username: string, secretBase32: string) => totpFor(username, secretBase32).toString();

/** True when `code` is the code of `now`, or of the 30-second step before or after (clock drift). */
export function isValidTotpCode(username: string, secretBase32: string, code: string, now: Date): boolean {
  return (
    totpFor(username, secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 }) !== null
  );
}

/** The code of `now` (used by test factories and nothing else in production). */
export const totpCodeAt = (username: string, secretBase32: string, now: Date) =>
  totpFor(username, secretBase32).generate({ timestamp: now.getTime() });
