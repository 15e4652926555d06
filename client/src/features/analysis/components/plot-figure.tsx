import { useEffect, useRef, useState } from 'react';

/** Used until the container has been measured (and where nothing is laid out, as in tests). */
const FALLBACK_WIDTH = 640;
const MAX_WIDTH = 760;

/**
 * An Observable Plot chart (or legend) in the React tree. Plot draws into a DOM node of its own,
 * at a width in pixels: the container is measured, and the picture drawn again when its width
 * changes, so that text stays at its size instead of shrinking with a scaled SVG. Pass `draw`
 * memoised: the node is swapped whenever it changes. The picture is named by `label` for screen
 * readers, who get its data as a table beside it.
 */
export function PlotFigure({ draw, label, className }: { draw: (width: number) => Element; label: string; className?: string }) {
  const container = useRef<HTMLDivElement>(null);
  const width = useWidth(container);
  useEffect(() => {
    const node = draw(width);
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', label);
    // One picture with one name: the names Plot gives its marks' groups ("bar", "x-axis tick")
    // are not allowed inside an image, and would say nothing the label does not.
    for (const part of node.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    container.current?.replaceChildren(node);
    return () => node.remove();
  }, [draw, label, width]);
  return <div ref={container} className={className} />;
}

function useWidth(element: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH);
  useEffect(() => {
    const node = element.current;
    if (!node) return;
    const measure = () => {
      const measured = Math.floor(node.clientWidth);
      // Whole 20 px steps: a scroll bar coming and going does not redraw.
      if (measured > 0) setWidth(Math.min(MAX_WIDTH, measured - (measured % 20)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [element]);
  return width;
}
