/**
 * The crossings the simulator uses, the city each serves, and which port authority's log
 * (source) records it. Names and aliases come from the gazetteer (data/gazetteer/).
 */
import { placeKey } from "../core/text.js";
import { loadGazetteer, portKeys } from "../gazetteer/load-gazetteer.js";

export interface SimPort {
  id: string;
  cityKey: string;
  source: string;
}

export const SIM_PORTS: readonly SimPort[] = [
  { id: "cn-jl-hunchun-quanhe", cityKey: "hunchun", source: "hunchun-quanhe-bi" },
  { id: "cn-jl-hunchun-shatuozi", cityKey: "hunchun", source: "hunchun-shatuozi-bi" },
  { id: "cn-jl-tumen-namyang-road", cityKey: "tumen", source: "tumen-bi" },
  { id: "cn-jl-helong-nanping", cityKey: "helong", source: "helong-nanping-bi" },
  { id: "cn-jl-longjing-sanhe", cityKey: "longjing", source: "longjing-sanhe-bi" },
  { id: "cn-ln-dandong-friendship-bridge", cityKey: "dandong", source: "dandong-bi" },
  { id: "cn-jl-jian-manpo-road", cityKey: "jian", source: "jian-bi" },
  { id: "cn-jl-changbai-hyesan", cityKey: "changbai", source: "changbai-bi" },
];

export const PORT_INDEX: Record<string, number> = Object.fromEntries(
  SIM_PORTS.map((p, i) => [p.id, i]),
);

export function portIndex(id: string): number {
  const i = PORT_INDEX[id];
  if (i === undefined) throw new Error(`simulator has no port ${id}`);
  return i;
}

/** Gazetteer city ids for the city keys used in organisation names. */
export const CITY_IDS: Record<string, string> = {
  hunchun: "cn-jl-hunchun",
  dandong: "cn-ln-dandong",
  tumen: "cn-jl-tumen",
  helong: "cn-jl-helong",
  longjing: "cn-jl-longjing",
  jian: "cn-jl-jian",
  changbai: "cn-jl-changbai",
  yanji: "cn-jl-yanji",
};

/** Where each city's labour teams cross: the main port and the one used now and then. */
export const CITY_PORTS: Record<string, { main: number; alt: number }> = {
  hunchun: { main: portIndex("cn-jl-hunchun-quanhe"), alt: portIndex("cn-jl-hunchun-shatuozi") },
  dandong: {
    main: portIndex("cn-ln-dandong-friendship-bridge"),
    alt: portIndex("cn-ln-dandong-friendship-bridge"),
  },
  tumen: { main: portIndex("cn-jl-tumen-namyang-road"), alt: portIndex("cn-jl-hunchun-quanhe") },
  helong: { main: portIndex("cn-jl-helong-nanping"), alt: portIndex("cn-jl-longjing-sanhe") },
};

export interface PortAliases {
  /** What the port's own log writes most of the time. */
  usual: string;
  /** Every alias that the gazetteer resolves back to this port. */
  all: string[];
}

/** Chinese short name each port authority writes by habit (one of the gazetteer's aliases). */
const USUAL_ALIAS: Record<string, string> = {
  "cn-jl-hunchun-quanhe": "圈河口岸",
  "cn-jl-hunchun-shatuozi": "沙坨子口岸",
  "cn-jl-tumen-namyang-road": "图们公路口岸",
  "cn-jl-helong-nanping": "南坪口岸",
  "cn-jl-longjing-sanhe": "三合口岸",
  "cn-ln-dandong-friendship-bridge": "Dandong Road Port",
  "cn-jl-jian-manpo-road": "集安公路口岸",
  "cn-jl-changbai-hyesan": "长白口岸",
};

/**
 * Alias pools per simulator port, from the gazetteer. Only aliases that resolve back to the same
 * port are used, so every port string in the output is one the gazetteer can read.
 */
export function loadPortAliases(): PortAliases[] {
  const gaz = loadGazetteer();
  const keys = portKeys(gaz);
  return SIM_PORTS.map((p) => {
    const port = gaz.ports.find((g) => g.id === p.id);
    if (!port) throw new Error(`gazetteer has no port ${p.id}`);
    const candidates = [
      p.id,
      port.name_en,
      port.name_zh,
      port.pinyin,
      port.name_ko,
      ...gaz.aliases.filter((a) => a.port_id === p.id).map((a) => a.alias),
    ];
    const all = [...new Set(candidates.filter((a) => a && keys.get(placeKey(a)) === p.id))];
    const usual = USUAL_ALIAS[p.id] ?? port.name_zh;
    return { usual: all.includes(usual) ? usual : (all[0] ?? p.id), all };
  });
}
