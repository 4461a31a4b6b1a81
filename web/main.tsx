/**
 * The Sojourn web app: log in, then move from the overview's figures to the records behind
 * them — alerts, persons, cohorts, sponsors, the network, evidence, cases, lists and data.
 */
import { render } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createApi, type Me } from "./api.js";
import { AlertsPage } from "./pages/alerts.js";
import { CasePage, CasesPage } from "./pages/cases.js";
import { CohortPage } from "./pages/cohort.js";
import { DataPage } from "./pages/data.js";
import { EvidencePage } from "./pages/evidence.js";
import { ListsPage } from "./pages/lists.js";
import { LoginPage } from "./pages/login.js";
import { NetworkPage } from "./pages/network.js";
import { OverviewPage } from "./pages/overview.js";
import { PersonPage } from "./pages/person.js";
import { PortPage } from "./pages/port.js";
import { SearchPage } from "./pages/search.js";
import { SponsorsPage } from "./pages/sponsors.js";
import { type Route, useRoute } from "./router.js";
import { SessionContext } from "./ui.js";
import { UnmaskControl } from "./unmask.js";

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

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [unmasked, setUnmasked] = useState(false);
  const csrf = useRef<string | null>(null);
  const api = useMemo(() => createApi(() => csrf.current), []);
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
                    current === to || (to !== "#/" && current.startsWith(to)) ? "page" : undefined
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
    </SessionContext.Provider>
  );
}

const root = document.getElementById("app");
if (root) render(<App />, root);
