import { z } from 'zod';

/** Field schemas every contract shares, with Chinese messages naming the field. */

export const uuidField = (label: string) => z.uuid({ message: `${label}格式不正确` });
export const booleanQuery = (label: string) =>
  z
    .enum(['true', 'false'], { message: `${label}只能是 true 或 false` })
    .transform((value) => value === 'true');
export const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label}必须是文字` })
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
export const civilDateField = (label: string) =>
  z
    .string({ message: `${label}必须填写，格式为 YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      {
        message: `${label}不是有效日期`,
      },
    );

export const pagination = {
  page: z.coerce
    .number({ message: '页码必须是数字' })
    .int('页码必须是整数')
    .min(1, '页码从 1 开始')
    .default(1),
  pageSize: z.coerce
    .number({ message: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(200, '每页最多 200 条')
    .default(20),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
