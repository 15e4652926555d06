import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { LoadingState } from '../../../components/feedback/loading-state';
import { ErrorState } from '../../../components/feedback/error-state';
import { NEIGHBOUR_COLOUR, NO_REPLY_COLOUR, NO_REPLY_HATCH, NOT_ANSWERED_COLOUR, SEA_COLOUR } from '../map/map-colours';
import type { MapEntry, MapFill, MapModel } from '../map/map-model';
import { loadRegionGeometry, type RegionGeometry } from '../map/region-geometry';
import { PictureFrame } from './picture-frame';

const geometryQuery = {
  queryKey: ['analysis', 'region-geometry'] as const,
  queryFn: loadRegionGeometry,
  staleTime: Infinity,
  gcTime: Infinity,
};

/** The CBSS region coloured by one answer per member state, with its legend and its data as a table. */
export function RegionMap({ model }: { model: MapModel }) {
  const geometry = useQuery(geometryQuery);
  return (
    <PictureFrame
      title={`Map: ${model.title}`}
      subtitle="The member states coloured by their answer; hatched where there is nothing to show."
      data={<MapTable model={model} />}
    >
      {geometry.isPending && <LoadingState label="Loading the map…" />}
      {geometry.isError && <ErrorState error={geometry.error} title="The map could not be drawn" onRetry={() => void geometry.refetch()} />}
      {geometry.data && <MapDrawing geometry={geometry.data} model={model} />}
      <MapLegend model={model} />
    </PictureFrame>
  );
}

function MapDrawing({ geometry, model }: { geometry: RegionGeometry; model: MapModel }) {
  const hatchId = useSvgId('hatch');
  const entries = new Map(model.entries.map((entry) => [entry.memberState, entry]));
  const description = model.entries.map((entry) => `${entry.name}: ${fillWords(entry.fill, model)}`).join('; ');
  return (
    <svg className="region-map" viewBox={`0 0 ${geometry.width} ${geometry.height}`} role="img" aria-label={`Map of the CBSS member states. ${description}.`}>
      <defs>
        <Hatch id={hatchId} />
      </defs>
      <rect width={geometry.width} height={geometry.height} fill={SEA_COLOUR} />
      {geometry.shapes
        .filter((shape) => shape.memberState === null)
        .map((shape) => (
          <path key={shape.id} d={shape.d} fill={NEIGHBOUR_COLOUR} stroke="#aab3bf" strokeWidth={0.5} />
        ))}
      {geometry.shapes.flatMap((shape) => {
        const entry = shape.memberState ? entries.get(shape.memberState) : undefined;
        if (!entry) return [];
        return [
          <path key={shape.id} d={shape.d} fill={fillOf(entry.fill, hatchId)} stroke="#1b1f24" strokeWidth={0.75} strokeLinejoin="round">
            <title>{`${entry.name}: ${fillWords(entry.fill, model)}`}</title>
          </path>,
        ];
      })}
      {model.entries.map((entry) => {
        const at = geometry.labels[entry.memberState];
        if (!at) return null;
        return (
          <text key={entry.memberState} x={at[0]} y={at[1]} className="region-map__label" textAnchor="middle" dominantBaseline="middle">
            {entry.memberState}
          </text>
        );
      })}
    </svg>
  );
}

function Hatch({ id }: { id: string }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={6} height={6} fill={NO_REPLY_COLOUR} />
      <line x1={0} y1={0} x2={0} y2={6} stroke={NO_REPLY_HATCH} strokeWidth={2} />
    </pattern>
  );
}

function fillOf(fill: MapFill, hatchId: string): string {
  switch (fill.kind) {
    case 'answer':
      return fill.colour;
    case 'not-answered':
      return NOT_ANSWERED_COLOUR;
    case 'no-reply':
      return `url(#${hatchId})`;
  }
}

function fillWords(fill: MapFill, model: MapModel): string {
  switch (fill.kind) {
    case 'answer':
      return fill.label;
    case 'not-answered':
      return 'Not answered';
    case 'no-reply':
      return model.noReplyLabel;
  }
}

function MapLegend({ model }: { model: MapModel }) {
  const hatchId = useSvgId('hatch');
  const { legend } = model;
  return (
    <div className="map-legend">
      <ul className="map-legend__list" aria-label="Legend">
        {legend.kind === 'answers' &&
          legend.entries.map((entry) => (
            <li key={entry.label}>
              <Swatch fill={entry.colour} />
              {entry.label}
            </li>
          ))}
        {legend.kind === 'numbers' &&
          legend.stops.map((stop) => (
            <li key={stop.value}>
              <Swatch fill={stop.colour} />
              {stop.value}
            </li>
          ))}
        {model.hasNotAnswered && (
          <li>
            <Swatch fill={NOT_ANSWERED_COLOUR} />
            Not answered
          </li>
        )}
        {model.hasNoReply && (
          <li>
            <svg className="map-legend__swatch" viewBox="0 0 16 16" aria-hidden="true">
              <defs>
                <Hatch id={hatchId} />
              </defs>
              <rect width={16} height={16} fill={`url(#${hatchId})`} stroke="#1b1f24" strokeWidth={1} />
            </svg>
            {model.noReplyLabel}
          </li>
        )}
      </ul>
    </div>
  );
}

function Swatch({ fill }: { fill: string }) {
  return (
    <svg className="map-legend__swatch" viewBox="0 0 16 16" aria-hidden="true">
      <rect width={16} height={16} fill={fill} stroke="#1b1f24" strokeWidth={1} />
    </svg>
  );
}

function MapTable({ model }: { model: MapModel }) {
  return (
    <table className="table">
      <caption>Map: {model.title}</caption>
      <thead>
        <tr>
          <th scope="col">Member state</th>
          <th scope="col">On the map</th>
        </tr>
      </thead>
      <tbody>
        {model.entries.map((entry: MapEntry) => (
          <tr key={entry.memberState}>
            <th scope="row">{entry.name}</th>
            <td>{fillWords(entry.fill, model)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An id usable in `url(#…)`: React's own ids hold characters that would need escaping there. */
function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
