import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** HTTP basic auth for the admin pages: user "admin", the given password. */
export function basicAuth(password: string) {
  const expected = Buffer.from(`admin:${password}`);
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? "";
    const given = header.startsWith("Basic ") ? Buffer.from(header.slice(6), "base64") : Buffer.alloc(0);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      next();
      return;
    }
    res.set("WWW-Authenticate", 'Basic realm="Skirmish admin"').status(401).send("Authentication required");
  };
}
