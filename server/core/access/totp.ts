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

const periodMs = 30_000;

/**
 * The 30-second time step whose code `code` is — the step of `now`, or the one before or after
 * (clock drift) — or null when it is none of them. The caller refuses a step already used, so a
 * code seen over someone's shoulder cannot be replayed (RFC 6238 §5.2).
 */
export function totpStepOfCode(
  username: string,
  secretBase32: string,
  code: string,
  now: Date,
): number | null {
  const delta = totpFor(username, secretBase32).validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  return delta === null ? null : Math.floor(now.getTime() / periodMs) + delta;
}

/** The code of `now` (used by test factories and nothing else in production). */
export const totpCodeAt = (username: string, secretBase32: string, now: Date) =>
  totpFor(username, secretBase32).generate({ timestamp: now.getTime() });
