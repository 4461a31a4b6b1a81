/** Shared pieces of every page: the session (API client and user), data loading, figures that
 * link to the records behind them, and the notices pages show while loading or on failure. */
import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useEffect, useState } from "preact/hooks";
import type { Api, Me } from "./api.js";

export interface Session {
  api: Api;
  me: Me;
  /** Whether the session holds an unmask grant (analysts, after stating a reason). */
  unmasked: boolean;
  setUnmasked(on: boolean): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside a session");
  return s;
}

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  reload(): void;
}

/** GETs `path` (null: nothing yet) and again whenever it changes or `reload` is called. */
export function useData<T>(path: string | null): Loaded<T> {
  const { api } = useSession();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setError(null);
    api.get<T>(path).then(
      (d) => live && setData(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}

export function Status<T>({
  loaded,
  children,
}: {
  loaded: Loaded<T>;
  children: (data: T) => ComponentChildren;
}) {
  if (loaded.error)
    return (
      <p class="error" role="alert">
        {loaded.error}
      </p>
    );
  if (loaded.data === undefined)
    return (
      <p class="loading" aria-live="polite">
        Loading…
      </p>
    );
  return <>{children(loaded.data)}</>;
}

export { fmt } from "./views/context.js";

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Sojourn`;
  }, [title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** The masked/unmasked state of the page's personal data, said where it is shown. */
export function MaskNote() {
  const { unmasked } = useSession();
  return (
    <p class="mask-note">
      {unmasked
        ? "Names and documents are shown unmasked (your reason is logged)."
        : "Names and document numbers are masked."}
    </p>
  );
}

export function unmaskQuery(unmasked: boolean): Record<string, string | undefined> {
  return unmasked ? { unmask: "true" } : {};
}

/** A record id that moves to the record's row on the same page (the fragment is the route). */
export function RecordRef({ id }: { id: string }) {
  return (
    <button
      type="button"
      class="link mono"
      onClick={() => {
        const row = document.getElementById(`rec-${id}`);
        row?.scrollIntoView({ block: "center" });
        row?.focus();
      }}
    >
      {id}
    </button>
  );
}
