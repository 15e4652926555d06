import { useId } from 'react';
import type { Download } from '../api/download-links';

/** Every file of what is on screen, as plain links: the browser sends the session cookie with them. */
export function DownloadPanel({ downloads }: { downloads: Download[] }) {
  const headingId = useId();
  return (
    <section className="downloads" aria-labelledby={headingId}>
      <h3 id={headingId}>Download</h3>
      <p className="muted">The files hold what the table shows: the same questions, replies and variant.</p>
      <ul className="downloads__list">
        {downloads.map((download) => (
          <li key={download.id} className="downloads__item">
            <a className="button button--secondary button--small" href={download.href} download>
              {download.label} <span className="downloads__format">({download.format})</span>
            </a>
            <span className="downloads__description">{download.description}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
