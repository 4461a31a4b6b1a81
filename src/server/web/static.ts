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

/**
 * How long a browser keeps a file: esbuild's chunks carry a hash of their content in their name,
 * so they are kept a year without asking again; the fonts keep their names for a version of
 * their package (a day); the page, the shell and the style sheet keep their names across builds,
 * so a browser asks each time (no-cache) and gets the new build.
 */
function cacheControl(name: string): string {
  if (/^chunk-[A-Z0-9]+\.js$/.test(name)) return "public, max-age=31536000, immutable";
  return name.startsWith("fonts/") ? "public, max-age=86400" : "no-cache";
}

export function webRoutes(dir: string = webDir()) {
  const app = new Hono<AppEnv>();
  // The built files do not change while the server runs: each is read once.
  const files = new Map<string, Buffer>();
  const send = (name: string) => {
    const path = join(dir, name);
    const type = TYPES[extname(name)];
    if (!type) return null;
    let body = files.get(name);
    if (!body) {
      if (!existsSync(path)) return null;
      body = readFileSync(path);
      files.set(name, body);
    }
    return new Response(body, {
      headers: {
        "Content-Type": type,
        "Content-Security-Policy": WEB_CSP,
        "Cache-Control": cacheControl(name),
      },
    });
  };
  app.get("/", (c) => {
    const page = send("index.html");
    if (page) return page;
    return c.text("The web app is not built: run `npm run build` (the API is at /api/).", 503);
  });
  app.get("/app/*", (c) => {
    const name = c.req.path.slice("/app/".length);
    const file = FILE.test(name) && !name.includes("..") ? send(name) : null;
    return file ?? c.text(`no file ${name}`, 404);
  });
  return app;
}
