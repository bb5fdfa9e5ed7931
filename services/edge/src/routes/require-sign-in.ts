/** Pages need a signed-in user: GET requests go to the sign-in, others are refused (401). */
import type { NextFunction, Request, Response } from 'express';
import { accessTokenOf } from '../http/auth';
import { unauthenticated } from '../http/errors';
import { query } from '../views/html';

export function requireSignIn(req: Request, res: Response, next: NextFunction): void {
  if (accessTokenOf(req) !== undefined) return next();
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.redirect(303, `/login${query({ next: req.originalUrl })}`);
    return;
  }
  next(unauthenticated('sign in first'));
}
