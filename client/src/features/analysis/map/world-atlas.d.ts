// The Natural Earth countries of the world-atlas package, typed as TopoJSON instead of as the
// literal type TypeScript would infer from 750 KB of JSON.
declare module 'world-atlas/countries-50m.json' {
  import type { GeometryCollection, Topology } from 'topojson-specification';

  const topology: Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
  export default topology;
}
