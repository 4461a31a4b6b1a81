// Minimal types for the two geo packages the map uses (neither ships its own); only the
// functions called in map.ts are declared.
declare module "d3-geo" {
  export interface GeoProjection {
    (point: [number, number]): [number, number] | null;
    fitExtent(extent: [[number, number], [number, number]], object: unknown): GeoProjection;
    clipExtent(extent: [[number, number], [number, number]]): GeoProjection;
  }
  export function geoMercator(): GeoProjection;
  export type GeoPath = (object: unknown) => string | null;
  export function geoPath(projection: GeoProjection): GeoPath;
}

declare module "topojson-client" {
  export function feature(
    topology: unknown,
    object: unknown,
  ): {
    type: "FeatureCollection";
    features: {
      id?: string;
      properties: { name?: string };
      geometry: { type: string; coordinates: unknown } | null;
    }[];
  };
  export function mesh(
    topology: unknown,
    object: unknown,
    filter?: (a: unknown, b: unknown) => boolean,
  ): unknown;
}

declare module "subset-font" {
  /** Keeps only the glyphs for `text` (harfbuzz's hb-subset, as WebAssembly). */
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2" | "truetype" },
  ): Promise<Buffer>;
}
