import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { requestIdOf } from './deadline.ts';
import { errorBody } from './http-errors.ts';

/**
 * Security headers on every response (helmet): a Content-Security-Policy the dashboard and the
 * explorer run under (scripts and workers from this origin only; inline styles, which GraphiQL's
 * editor and the charts set at run time; images from this origin and data: URLs), no framing
 * (frame-ancestors 'none', X-Frame-Options DENY), nosniff, Referrer-Policy no-referrer.
 * No HSTS: the server speaks plain HTTP behind whatever terminates TLS, which should send it.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
}

/** CORS for the configured origins only; without any, browsers keep the API to its own origin. */
export function corsFor(origins: readonly string[]): RequestHandler {
  return cors({
    origin: origins.length ? [...origins] : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization', 'x-request-id', 'apollo-require-preflight', 'jejaring-regency'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: true,
    maxAge: 600,
  });
}

/**
 * JSON bodies up to `maxBytes`. One announced larger (Content-Length) is answered 413 at once and
 * the connection closed, without reading it; one that grows larger while streaming is cut off by
 * the parser at the limit.
 */
export function jsonBody(maxBytes: number): RequestHandler {
  const parse = express.json({ limit: maxBytes });
  return (req, res, next) => {
    const length = Number(req.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      res
        .status(413)
        .set('Connection', 'close')
        .json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large.', { requestId: requestIdOf(res) }));
      return;
    }
    parse(req, res, next);
  };
}

/** Requests nothing answers: a JSON 404 (Apollo answers other methods on /graphql with a JSON 405). */
export function notFound(): RequestHandler {
  return (req, res) => {
    res.status(404).json(errorBody('NOT_FOUND', `Nothing at ${req.method} ${req.path}`));
  };
}

interface HttpError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/**
 * The last word on errors Express sees (a malformed or oversized body, a failure in a handler):
 * always JSON, never Express's HTML page with its stack trace; client errors say what was wrong,
 * the rest become INTERNAL_SERVER_ERROR with the request id, the detail going to the log only.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: HttpError, req, res, _next) => {
    const requestId = requestIdOf(res);
    if (res.headersSent) {
      // Answered already (e.g. 503 at the deadline); whatever failed afterwards has no one to tell.
      logger.debug({ requestId, err: error }, 'error after the response was sent');
      return;
    }
    const status = error.status ?? error.statusCode ?? 500;
    if (status === 413 || error.type === 'entity.too.large') {
      res.status(413).json(errorBody('PAYLOAD_TOO_LARGE', 'The request body is too large.', { requestId }));
      return;
    }
    if (status >= 400 && status < 500) {
      const message =
        error.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : error.expose
            ? error.message
            : 'The request was malformed.';
      res.status(status).json(errorBody('BAD_REQUEST', message, { requestId }));
      return;
    }
    logger.error({ requestId, err: error, method: req.method, path: req.path }, 'internal error');
    res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'Internal server error', { requestId }));
  };
}
