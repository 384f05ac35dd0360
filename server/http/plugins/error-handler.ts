import type { FastifyError } from 'fastify';
import type { App } from '../build-app';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../../core/errors';

/** The one place an error becomes a response: `{ code, message, field? }` with a Chinese message. */
export function registerErrorHandler(app: App): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const issue = first?.params.issue as { path?: PropertyKey[] } | undefined;
      const path = (issue?.path ?? []).map(String);
      const field =
        path.length > 0 ? path.join('.') : (first?.instancePath.replace(/^\//, '').replace(/\//g, '.') ?? '');
      const where =
        error.validationContext === 'querystring'
          ? '查询参数'
          : error.validationContext === 'params'
            ? '路径参数'
            : '字段';
      const message = first?.message ?? '格式不正确';
      return reply.status(400).send({
        code: 'VALIDATION_FAILED',
        message: field ? `${where}「${field}」${message}` : `请求内容有误：${message}`,
        field,
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: '请求体不是有效的 JSON', field: '' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(400)
        .send({ code: 'VALIDATION_FAILED', message: '不支持的请求内容类型', field: '' });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ code: 'VALIDATION_FAILED', message: `请求有误：${error.message}` });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: '系统内部错误，请稍后重试或联系管理员' });
  });
}

/** 404 for unknown API routes (when no web app serves the other paths). */
export function registerApiNotFound(app: App): void {
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url}` });
  });
}
