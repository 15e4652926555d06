import { geoConicConformal, geoPath, type GeoProjection } from 'd3-geo';
import type { MultiPoint, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The CBSS region as SVG paths: the member states and their neighbours from Natural Earth
 * (world-atlas, 1:50m), in a conformal conic projection centred on the Baltic Sea, framed
 * from Iceland to Russia's north-west. Russia and every other shape are cut at the frame.
 */

/** ISO 3166-1 numeric codes: world-atlas's ids of the member states. */
export const ISO_NUMERIC_BY_STATE: Readonly<Record<string, string>> = {
  DK: '208',
  EE: '233',
  FI: '246',
  DE: '276',
  IS: '352',
  LV: '428',
  LT: '440',
  NO: '578',
  PL: '616',
  RU: '643',
  SE: '752',
};

/**
 * Where each state's code is written: inside its mainland, where the centroid would not be
 * (Russia's lies in Siberia, Norway's at sea).
 */
const LABEL_AT: Readonly<Record<string, Position>> = {
  DK: [9.2, 56.1],
  EE: [25.9, 58.7],
  FI: [26.8, 63.2],
  DE: [10.3, 51.1],
  IS: [-18.6, 64.9],
  LV: [25.6, 56.85],
  LT: [23.9, 55.25],
  NO: [9.4, 61.6],
  PL: [19.3, 52.1],
  RU: [36.5, 60.5],
  SE: [15.3, 62.4],
};

/**
 * Points the map must show: Iceland's west and north coasts, the North Cape, the Kola peninsula,
 * Russia east of Moscow, the Alps' foot in Bavaria, Germany's western border, Poland's
 * south-east. The projection is centred on 20° E so that the frame's bottom edge, drawn by
 * Bavaria, passes north of the Crimea, which Natural Earth draws as part of Russia.
 */
const MUST_SHOW: Position[] = [
  [-24.6, 65.5],
  [-16, 66.7],
  [25.8, 71.3],
  [41.5, 68],
  [42, 55],
  [10.2, 47.2],
  [13, 47.4],
  [5.8, 50.8],
  [24.1, 49],
];

const CENTRAL_MERIDIAN = 20;

export const MAP_WIDTH = 800;
/** Sea around the points the map must show. */
const MARGIN = 12;

export interface RegionShape {
  /** world-atlas's id (ISO numeric). */
  id: string;
  /** Natural Earth's English name. */
  name: string;
  /** The SVG path, clipped to the frame. */
  d: string;
  /** The member state's code, or null for a neighbour shown for orientation. */
  memberState: string | null;
}

export interface RegionGeometry {
  width: number;
  height: number;
  shapes: RegionShape[];
  /** Where to write each member state's code. */
  labels: Readonly<Record<string, readonly [number, number]>>;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The map's projection, fitted to the frame, and the frame's size in pixels. */
export function regionProjection(): { projection: GeoProjection; width: number; height: number } {
  const mustShow: MultiPoint = { type: 'MultiPoint', coordinates: MUST_SHOW };
  const projection = geoConicConformal()
    .parallels([52, 66])
    .rotate([-CENTRAL_MERIDIAN, 0])
    .fitWidth(MAP_WIDTH - 2 * MARGIN, mustShow);
  const [x, y] = projection.translate();
  projection.translate([x + MARGIN, y + MARGIN]);
  const [, [, bottom]] = geoPath(projection).bounds(mustShow);
  // Little sea below Bavaria: any more and the Crimea comes into the frame.
  const height = Math.ceil(bottom + 2);
  projection.clipExtent([
    [0, 0],
    [MAP_WIDTH, height],
  ]);
  return { projection, width: MAP_WIDTH, height };
}

export function regionGeometry(topology: CountriesTopology): RegionGeometry {
  const { projection, height } = regionProjection();
  const path = geoPath(projection);
  const stateById = new Map(Object.entries(ISO_NUMERIC_BY_STATE).map(([state, id]) => [id, state]));
  const shapes: RegionShape[] = [];
  for (const country of feature(topology, topology.objects.countries).features) {
    const d = path(country);
    // Shapes wholly outside the frame project to nothing.
    if (!d) continue;
    const id = String(country.id);
    shapes.push({ id, name: country.properties.name, d, memberState: stateById.get(id) ?? null });
  }
  const labels: Record<string, readonly [number, number]> = {};
  for (const [state, at] of Object.entries(LABEL_AT)) {
    const point = projection(at as [number, number]);
    if (point) labels[state] = [point[0], point[1]];
  }
  return { width: MAP_WIDTH, height, shapes, labels };
}

let loaded: Promise<RegionGeometry> | null = null;

/**
 * The shapes, loaded with the first map: 750 KB of JSON stay out of the workbench's own code
 * until a map is shown, and are projected once per page load.
 */
export function loadRegionGeometry(): Promise<RegionGeometry> {
  loaded ??= import('world-atlas/countries-50m.json').then(({ default: topology }) => regionGeometry(topology));
  // A failed load (a dropped connection) is tried again next time.
  loaded.catch(() => (loaded = null));
  return loaded;
}
