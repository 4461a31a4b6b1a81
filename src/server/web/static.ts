/**
 * The web app's files (built by `npm run build` into dist/web) served beside the API, with a
 * Content-Security-Policy that lets the page load only this server's own script, styles and
 * fonts and talk only to this server: no inline script, no CDN, nothing from another origin.
 * The app routes by the URL's fragment (#/person/P-…), so the server serves one page.
 */
import { existsSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { Hono } from "hono";
import { repoRoot } from "../../repo-root.js";
import type { AppEnv } from "../auth.js";

export const WEB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** A served file name: letters, digits, `.`, `_`, `-`; no folder but fonts/. */
const FILE = /^(fonts\/)?[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

export function webDir(): string {
  return join(repoRoot(), "dist", "web");
}

export function webRoutes(dir: string = webDir()) {
  const app = new Hono<AppEnv>();
  const send = (name: string, immutable: boolean) => {
    const path = join(dir, name);
    const type = TYPES[extname(name)];
    if (!type || !existsSync(path)) return null;
    return new Response(readFileSync(path), {
      headers: {
        "Content-Type": type,
        "Content-Security-Policy": WEB_CSP,
        "Cache-Control": immutable ? "public, max-age=86400" : "no-cache",
      },
    });
  };
  app.get("/", (c) => {
    const page = send("index.html", false);
    if (page) return page;
    return c.text("The web app is not built: run `npm run build` (the API is at /api/).", 503);
  });
  app.get("/app/*", (c) => {
    const name = c.req.path.slice("/app/".length);
    const file =
      FILE.test(name) && !name.includes("..") ? send(name, name.startsWith("fonts/")) : null;
    return file ?? c.text(`no file ${name}`, 404);
  });
  return app;
}
