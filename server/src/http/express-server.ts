import http from 'node:http';
import type { Socket } from 'node:net';
import type express from 'express';

/*
 * The HTTP server of the Express app, its requests and responses made with the app's own
 * prototypes. Express gives every request and response its prototypes as they come in
 * (Object.setPrototypeOf in app.handle). On Node 20 and 22, an object whose prototype is changed
 * after it was made keeps whatever it references through the next young-generation collections:
 * a third of what a request allocated was moved to the old generation, and each of those
 * collections paused the server for about 4 ms instead of 0.3 ms (docs/api-performance.md, "The
 * requests' prototypes"). Made here with Express's prototypes already (Node's `IncomingMessage`
 * and `ServerResponse` options of createServer), Express's call then changes nothing. Node 24
 * does not promote them either way.
 */

/** A request constructor whose instances have `proto` as their prototype. */
function requestClass(proto: object) {
  function Request(this: http.IncomingMessage, socket: Socket) {
    // IncomingMessage is a function constructor in Node: called on the new object, as a subclass does.
    (http.IncomingMessage as unknown as (this: http.IncomingMessage, socket: Socket) => void).call(this, socket);
  }
  Request.prototype = proto;
  return Request as unknown as typeof http.IncomingMessage;
}

/** A response constructor whose instances have `proto` as their prototype. */
function responseClass(proto: object) {
  function Response(this: http.ServerResponse, req: http.IncomingMessage, options?: object) {
    (
      http.ServerResponse as unknown as (this: http.ServerResponse, req: http.IncomingMessage, options?: object) => void
    ).call(this, req, options);
  }
  Response.prototype = proto;
  return Response as unknown as typeof http.ServerResponse;
}

/** An HTTP server (not yet listening) for `app`, as app.listen makes one, with the app's prototypes. */
export function expressServer(app: express.Express): http.Server {
  return http.createServer(
    { IncomingMessage: requestClass(app.request), ServerResponse: responseClass(app.response) },
    app,
  );
}
