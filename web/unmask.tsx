/** Unmasking for analysts: a stated reason gives the session an unmask grant (logged), after
 * which reads ask for names and documents unmasked. Viewers never see this control. */
import { useState } from "preact/hooks";
import { useSession } from "./ui.js";

export function UnmaskControl() {
  const { api, me, unmasked, setUnmasked } = useSession();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (me.user.role === "viewer") return null;
  if (unmasked)
    return (
      <button type="button" onClick={() => setUnmasked(false)}>
        Mask again
      </button>
    );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Unmask…
      </button>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await api.send("POST", "/api/auth/unmask", { reason });
      setUnmasked(true);
      setOpen(false);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="unmask" onSubmit={submit}>
      <label>
        Reason for unmasking
        <input
          required
          minLength={10}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <button type="submit">Unmask</button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
