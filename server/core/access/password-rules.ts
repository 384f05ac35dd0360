import type { SecuritySettings } from '../../../contracts/accounts';
import { invalid } from '../errors';

/** How many of the four classes (upper case, lower case, digits, symbols) a password mixes. */
export function characterClassCount(password: string): number {
  return [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** Refuses a password that breaks the policy, with a Chinese message naming the field `password`. */
export function checkPasswordPolicy(
  password: string,
  username: string,
  policy: Pick<SecuritySettings, 'passwordMinLength' | 'passwordMinCharacterClasses'>,
): void {
  if (password.length < policy.passwordMinLength) {
    throw invalid('password', `密码长度不能少于 ${policy.passwordMinLength} 位`);
  }
  if (characterClassCount(password) < policy.passwordMinCharacterClasses) {
    throw invalid(
      'password',
      `密码必须至少包含大写字母、小写字母、数字、符号中的 ${policy.passwordMinCharacterClasses} 种`,
    );
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    throw invalid('password', '密码不能包含用户名');
  }
}

/** True when the password was last set longer ago than the policy allows (0 days: never expires). */
export function isPasswordExpired(passwordChangedAt: Date, now: Date, expiryDays: number): boolean {
  if (expiryDays <= 0) return false;
  return now.getTime() - passwordChangedAt.getTime() > expiryDays * 86_400_000;
}
