/**
 * Rate limits per client address: a general one for every route and a stricter one for
 * the sign-in routes. Counters live in Redis when the edge has it (shared by every
 * replica), else in memory. Refusals are 429 with the API's JSON error body.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { RedisClientType } from 'redis';
import { errorBody } from './errors';

export function limiter(options: {
  name: string;
  perMinute: number;
  redis?: RedisClientType;
  /** Prefix of the Redis keys, e.g. posa:edge: */
  keyPrefix: string;
}): RequestHandler {
  const redis = options.redis;
  return rateLimit({
    windowMs: 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(redis
      ? {
          store: new RedisStore({
            prefix: `${options.keyPrefix}rl:${options.name}:`,
            sendCommand: (...args: string[]) => redis.sendCommand(args),
          }),
        }
      : {}),
    handler: (_req, res) => {
      res.status(429).json(
        errorBody({
          status: 429,
          code: 'RESOURCE_EXHAUSTED',
          message: 'too many requests; try again later',
        }),
      );
    },
  });
}
