import { useState } from "preact/hooks";
import type { Api, Me } from "../api.js";

export function LoginPage({ api, onLogin }: { api: Api; onLogin: (me: Me) => void }) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLogin(await api.send<Me>("POST", "/api/auth/login", { name, password }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="login">
      <h1>Sojourn</h1>
      <p>Log in to review border-crossing records for DPRK overseas labour (UNSCR 2397).</p>
      <form onSubmit={submit}>
        <label>
          User name
          <input
            name="name"
            autoComplete="username"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Log in
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <p class="hint">
        No account yet? The store's owner adds one with{" "}
        <code>sojourn users add NAME --role analyst</code>.
      </p>
    </main>
  );
}
