/** Headline figures: each with what it counts, its definition, and a link to the records behind it. */
import { fmt, Ref } from "./context.js";
import type { FigureItem } from "./types.js";

export function FigureCard({ f, lead = false }: { f: FigureItem; lead?: boolean }) {
  const shown = f.value === null ? "n/a" : typeof f.value === "number" ? fmt(f.value) : f.value;
  return (
    <div class={`figure${lead ? " lead" : ""}`} data-figure={f.id}>
      <div class="value">
        {f.value === null ? <span class="na">{shown}</span> : <Ref to={f.to ?? null}>{shown}</Ref>}
      </div>
      <div class="label">{f.label}</div>
      {f.definition && (
        <div class="definition">
          <span>Definition:</span> {f.definition}
        </div>
      )}
      {f.value === null && f.missingHint && <div class="note">Needs: {f.missingHint}</div>}
    </div>
  );
}

export function FigureGrid({ lead, items }: { lead?: FigureItem; items: FigureItem[] }) {
  return (
    <>
      {lead && <FigureCard f={lead} lead />}
      <div class="figures">
        {items.map((f) => (
          <FigureCard key={f.id} f={f} />
        ))}
      </div>
    </>
  );
}
