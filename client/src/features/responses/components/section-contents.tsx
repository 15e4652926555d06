import type { Model } from 'survey-core';

/**
 * The sections of a questionnaire shown on one scrolling page, as a table of contents: each a link
 * to the section (SurveyJS gives each page's panel its id), so that the browser scrolls there and
 * moves the keyboard's starting point with it.
 */
export function SectionContents({ model }: { model: Model }) {
  const pages = model.pages.filter((page) => page.isVisible);
  if (pages.length < 2) return null;
  return (
    <nav className="page-navigation section-contents" aria-label="Sections">
      <ol>
        {pages.map((page) => (
          <li key={page.name}>
            <a className="page-navigation__item" href={`#${page.id}`}>
              {page.renderedNavigationTitle || page.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
