interface PagerProps {
  page: number;
  totalPages: number;
  onPage: (page: number) => void;
  /** What is paged, for the navigation's name: "History pages". */
  label: string;
}

/** Previous and next, with where the reader is; nothing when everything fits on one page. */
export function Pager({ page, totalPages, onPage, label }: PagerProps) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button button--secondary button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Newer
      </button>
      <span className="pager__where">
        Page {page} of {totalPages}
      </span>
      <button type="button" className="button button--secondary button--small" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        Older
      </button>
    </nav>
  );
}

/** A `page` query value as a page number; anything else is the first page. */
export function pageParam(raw: string | null): number {
  return raw !== null && /^[1-9][0-9]{0,5}$/.test(raw) ? Number(raw) : 1;
}
