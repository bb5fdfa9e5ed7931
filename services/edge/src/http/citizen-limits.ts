/**
 * Rate limits of the public citizen routes (the pages under /dich-vu-cong and the API under
 * /api/v1/public), per client address, on top of the edge's general limit: one for every
 * request and a stricter one for submissions (POST). Redis-backed in the full stack.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { RedisClientType } from 'redis';
import { limiter } from './rate-limit';

export interface CitizenLimitOptions {
  perMinute: number;
  postsPerMinute: number;
  redis?: RedisClientType;
  keyPrefix: string;
}

export function citizenLimits(options: CitizenLimitOptions): RequestHandler {
  const common = { redis: options.redis, keyPrefix: options.keyPrefix };
  const every = limiter({ name: 'citizen', perMinute: options.perMinute, ...common });
  const posts = limiter({ name: 'citizen-post', perMinute: options.postsPerMinute, ...common });
  return (req: Request, res: Response, next: NextFunction) => {
    every(req, res, (err?: unknown) => {
      if (err !== undefined) return next(err);
      if (req.method !== 'POST') return next();
      return posts(req, res, next);
    });
  };
}
