/**
 * The Sojourn web app: log in, then move from the overview's figures to the records behind
 * them — alerts, persons, cohorts, sponsors, the network, evidence, cases, lists and data.
 * The overview (the first page) is in the main bundle; every other page is a chunk fetched when
 * it is first opened, and ECharts one fetched by the first page with a chart (chart.tsx).
 */
import { type ComponentType, render } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createApi, type Me } from "./api.js";
import { prefetchCharts, WebChart } from "./chart.js";
import { LoginPage } from "./pages/login.js";
import { OverviewPage } from "./pages/overview.js";
import { href, parseHash, type Route, useRoute } from "./router.js";
import { SessionContext } from "./ui.js";
import { UnmaskControl } from "./unmask.js";
import { ChartContext, LinkContext, type Links } from "./views/context.js";

/** A page whose code is fetched when it is first shown. */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return function LazyPage(props: P) {
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      let live = true;
      load().then(
        (c) => live && setLoaded(() => c),
        (e: Error) => live && setError(`This page could not be loaded: ${e.message}`),
      );
      return () => {
        live = false;
      };
    }, []);
    if (error)
      return (
        <p class="error" role="alert">
          {error}
        </p>
      );
    return Loaded ? (
      <Loaded {...props} />
    ) : (
      <p class="loading" aria-live="polite">
        Loading…
      </p>
    );
  };
}

const AlertsPage = lazyPage(() => import("./pages/alerts.js").then((m) => m.AlertsPage));
const CasePage = lazyPage(() => import("./pages/cases.js").then((m) => m.CasePage));
const CasesPage = lazyPage(() => import("./pages/cases.js").then((m) => m.CasesPage));
const CohortPage = lazyPage(() => import("./pages/cohort.js").then((m) => m.CohortPage));
const DataPage = lazyPage(() => import("./pages/data.js").then((m) => m.DataPage));
const EvidencePage = lazyPage(() => import("./pages/evidence.js").then((m) => m.EvidencePage));
const ListsPage = lazyPage(() => import("./pages/lists.js").then((m) => m.ListsPage));
const NetworkPage = lazyPage(() => import("./pages/network.js").then((m) => m.NetworkPage));
const PersonPage = lazyPage(() => import("./pages/person.js").then((m) => m.PersonPage));
const PortPage = lazyPage(() => import("./pages/port.js").then((m) => m.PortPage));
const SearchPage = lazyPage(() => import("./pages/search.js").then((m) => m.SearchPage));
const SponsorsPage = lazyPage(() => import("./pages/sponsors.js").then((m) => m.SponsorsPage));

/** Where the shared views link to: the app's routes. */
const LINKS: Links = {
  person: (id) => href(["person", id]),
  cohort: (id) => href(["cohort", id]),
  port: (id) => href(["port", id]),
  sponsor: (key) => href(["sponsor", key]),
  alerts: (query) => href(["alerts"], query),
  alert: (id) => href(["alerts"], { id }),
};

const NAV: [string, string][] = [
  ["#/", "Overview"],
  ["#/alerts", "Alerts"],
  ["#/search", "Search"],
  ["#/sponsors", "Sponsors & teams"],
  ["#/network", "Network"],
  ["#/evidence", "Evidence"],
  ["#/cases", "Cases"],
  ["#/lists", "Lists & screening"],
  ["#/data", "Data"],
];

function pageFor(route: Route) {
  const [first = "", second = ""] = route.parts;
  switch (first) {
    case "":
      return <OverviewPage />;
    case "alerts":
      return <AlertsPage query={route.query} />;
    case "person":
      return <PersonPage id={second} />;
    case "port":
      return <PortPage id={second} />;
    case "cohort":
      return <CohortPage id={second} />;
    case "sponsors":
    case "sponsor":
      return <SponsorsPage focus={second || null} />;
    case "network":
      return <NetworkPage />;
    case "evidence":
      return <EvidencePage />;
    case "search":
      return <SearchPage query={route.query.get("q") ?? ""} />;
    case "cases":
      return <CasesPage />;
    case "case":
      return <CasePage id={second} />;
    case "lists":
      return <ListsPage query={route.query.get("q") ?? ""} />;
    case "data":
      return <DataPage />;
    default:
      return <p role="alert">No page {location.hash}.</p>;
  }
}

/** `early`: the first page's data, asked for alongside the session (createApi). */
function App({ early }: { early: Map<string, Promise<Response>> }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [unmasked, setUnmasked] = useState(false);
  const csrf = useRef<string | null>(null);
  const api = useMemo(() => createApi(() => csrf.current, early), [early]);
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    api.get<Me | { user: null }>("/api/views/session").then(
      (m) => {
        if (m.user === null) return setMe(null);
        csrf.current = (m as Me).csrf_token;
        setMe(m as Me);
      },
      () => setMe(null),
    );
  }, [api]);
  // A new page moves focus to its heading, so keyboard and screen-reader users start there.
  const key = route.parts.join("/");
  useEffect(() => {
    main.current?.querySelector<HTMLElement>("h1")?.focus();
  }, [key]);
  if (me === undefined) return <p class="boot">Loading Sojourn…</p>;
  if (me === null)
    return (
      <LoginPage
        api={api}
        onLogin={(m) => {
          csrf.current = m.csrf_token;
          setMe(m);
        }}
      />
    );
  const logout = async () => {
    await api.send("POST", "/api/auth/logout").catch(() => undefined);
    csrf.current = null;
    setUnmasked(false);
    setMe(null);
  };
  const current = `#/${route.parts[0] ?? ""}`;
  return (
    <SessionContext.Provider value={{ api, me, unmasked, setUnmasked }}>
      <LinkContext.Provider value={LINKS}>
        <ChartContext.Provider value={WebChart}>
          <button type="button" class="skip" onClick={() => main.current?.focus()}>
            Skip to content
          </button>
          <header class="top">
            <a class="brand" href="#/">
              Sojourn
            </a>
            <nav aria-label="Pages">
              <ul>
                {NAV.map(([to, label]) => (
                  <li key={to}>
                    <a
                      href={to}
                      aria-current={
                        current === to || (to !== "#/" && current.startsWith(to))
                          ? "page"
                          : undefined
                      }
                    >
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div class="who">
              <UnmaskControl />
              <span>
                {me.user.name} ({me.user.role})
              </span>
              <button type="button" onClick={logout}>
                Log out
              </button>
            </div>
          </header>
          <main id="main" ref={main} tabIndex={-1}>
            {pageFor(route)}
          </main>
        </ChartContext.Provider>
      </LinkContext.Provider>
    </SessionContext.Provider>
  );
}

const root = document.getElementById("app");
if (root) {
  // The CJK font faces: each range's file is fetched only when text in it is on screen.
  const fonts = document.createElement("link");
  fonts.rel = "stylesheet";
  fonts.href = "app/fonts.css";
  document.head.append(fonts);
  // The first page is most often the overview, whose chart needs ECharts: fetch it and the
  // overview's data alongside the session.
  const early = new Map<string, Promise<Response>>();
  if (parseHash(location.hash).parts.length === 0) {
    prefetchCharts();
    const overview = "/api/views/overview";
    early.set(overview, fetch(overview, { credentials: "same-origin" }));
  }
  render(<App early={early} />, root);
}
