import { resolve } from 'node:path';
import { z } from 'zod';

/** An amount in 元 from the environment: a whole number from 1 to 100,000,000. */
const yuanSetting = (name: string, fallback: number) =>
  z.coerce
    .number({ message: `${name} 必须是数字（元）` })
    .int(`${name} 必须是整数（元）`)
    .min(1, `${name} 至少为 1 元`)
    .max(100_000_000, `${name} 不能超过 1 亿元`)
    .default(fallback);

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ message: 'PORT 必须是数字' })
    .int('PORT 必须是整数')
    .min(1, 'PORT 必须在 1–65535 之间')
    .max(65535, 'PORT 必须在 1–65535 之间')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  FAZHI_DATA_DIR: z.string().min(1, 'FAZHI_DATA_DIR 不能为空').default('./data'),
  FAZHI_TENANT: z
    .string()
    .regex(/^\d{6}$/, 'FAZHI_TENANT 必须是 6 位行政区划代码')
    .default('410300'),
  FAZHI_AUDIT_HASH: z
    .enum(['sha256', 'sm3'], { message: 'FAZHI_AUDIT_HASH 只能是 sha256 或 sm3' })
    .default('sha256'),
  /** PEM of the Ed25519 private key that signs audit tree heads; without it one is made under FAZHI_DATA_DIR/keys. */
  FAZHI_AUDIT_SIGNING_KEY: z
    .string()
    .transform((value) => value.replace(/\\n/g, '\n'))
    .refine((value) => /-----BEGIN PRIVATE KEY-----[\s\S]+-----END PRIVATE KEY-----/.test(value), {
      message: 'FAZHI_AUDIT_SIGNING_KEY 必须是 PKCS#8 PEM 格式的 Ed25519 私钥',
    })
    .optional(),
  /** 32-byte key for personal data at rest: 64 hex characters or base64; without it one is made under FAZHI_DATA_DIR/keys. */
  FAZHI_FIELD_KEY: z
    .string()
    .trim()
    .refine(
      (value) =>
        /^[0-9a-fA-F]{64}$/.test(value) ||
        (/^[A-Za-z0-9+/=_-]+$/.test(value) && Buffer.from(value, 'base64').length === 32),
      { message: 'FAZHI_FIELD_KEY 必须是 64 位十六进制或 32 字节的 base64' },
    )
    .optional(),
  FAZHI_SEED_DEMO: z
    .enum(['auto', 'never'], { message: 'FAZHI_SEED_DEMO 只能是 auto 或 never' })
    .default('auto'),
  FAZHI_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  FAZHI_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(15),
  /** the folder of law files imported on first start into an empty library; `none` disables it */
  FAZHI_LAW_DIR: z.string().min(1).optional(),
  /** the largest evidence file one upload may hold, in MB */
  FAZHI_MAX_UPLOAD_MB: z.coerce
    .number({ message: 'FAZHI_MAX_UPLOAD_MB 必须是数字' })
    .int('FAZHI_MAX_UPLOAD_MB 必须是整数')
    .min(1, 'FAZHI_MAX_UPLOAD_MB 至少为 1')
    .max(10240, 'FAZHI_MAX_UPLOAD_MB 不能超过 10240')
    .default(500),
  /** 较大数额罚款 that gives a citizen the right to a hearing (行政处罚法 art. 63), in 元, as the province sets it */
  FAZHI_HEARING_FINE_PERSON: yuanSetting('FAZHI_HEARING_FINE_PERSON', 10_000),
  /** the same for a legal person or other organization, in 元 */
  FAZHI_HEARING_FINE_ORGANIZATION: yuanSetting('FAZHI_HEARING_FINE_ORGANIZATION', 100_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  tenantCode: string;
  auditHash: 'sha256' | 'sm3';
  /** PEM of the tree-head signing key from the environment, if given. */
  auditSigningKeyPem: string | undefined;
  /** FAZHI_FIELD_KEY as given (checked), or undefined: then the key file under dataDir. */
  fieldKey: string | undefined;
  seedDemo: 'auto' | 'never';
  sessionIdleMinutes: number;
  /** log2 of the scrypt cost parameter N. */
  passwordCost: number;
  /** FAZHI_LAW_DIR as given: a folder, `none`, or undefined (then ../shared/data/laws when it exists) */
  lawDir: string | undefined;
  /** FAZHI_MAX_UPLOAD_MB: the largest evidence file accepted, in MB */
  maxUploadMb: number;
  /** FAZHI_HEARING_FINE_*: the fines (元) from which a party may ask for a hearing */
  hearingFineYuan: { person: number; organization: number };
  logLevel: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once at start and lists every bad variable at once. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(
    Object.entries(environment).map(([key, value]) => [key, value === '' ? undefined : value]),
  );
  const parsed = environmentSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir: resolve(env.FAZHI_DATA_DIR),
    tenantCode: env.FAZHI_TENANT,
    auditHash: env.FAZHI_AUDIT_HASH,
    auditSigningKeyPem: env.FAZHI_AUDIT_SIGNING_KEY,
    fieldKey: env.FAZHI_FIELD_KEY,
    seedDemo: env.FAZHI_SEED_DEMO,
    sessionIdleMinutes: env.FAZHI_SESSION_IDLE_MINUTES,
    passwordCost: env.FAZHI_PASSWORD_COST,
    lawDir: env.FAZHI_LAW_DIR,
    maxUploadMb: env.FAZHI_MAX_UPLOAD_MB,
    hearingFineYuan: {
      person: env.FAZHI_HEARING_FINE_PERSON,
      organization: env.FAZHI_HEARING_FINE_ORGANIZATION,
    },
    logLevel: env.LOG_LEVEL,
  };
}
