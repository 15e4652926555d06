import type { Model } from 'survey-core';

/** The questionnaire's sections, to jump to any of them; the current one is marked. */
export function PageNavigation({ model }: { model: Model }) {
  const pages = model.visiblePages;
  if (pages.length < 2) return null;
  const current = model.currentPage as unknown;
  return (
    <nav className="page-navigation" aria-label="Sections">
      <ol>
        {pages.map((page) => (
          <li key={page.name}>
            <button
              type="button"
              className="page-navigation__item"
              aria-current={page === current ? 'step' : undefined}
              onClick={() => {
                model.currentPage = page;
              }}
            >
              {page.renderedNavigationTitle || page.name}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
