import { useId, useState } from 'react';
import { withPersonalData, type Download } from '../api/download-links';

interface DownloadPanelProps {
  downloads: Download[];
  /**
   * Administrators may add the respondents' contact details to the files (`personal=include`);
   * nobody may for publication. Offered only when both hold.
   */
  offerPersonalData: boolean;
}

/** Every file of what is on screen, as plain links: the browser sends the session cookie with them. */
export function DownloadPanel({ downloads, offerPersonalData }: DownloadPanelProps) {
  const headingId = useId();
  const noteId = useId();
  const [personal, setPersonal] = useState(false);
  const included = offerPersonalData && personal;
  const shown = included ? downloads.map(withPersonalData) : downloads;
  return (
    <section className="downloads" aria-labelledby={headingId}>
      <h3 id={headingId}>Download</h3>
      <p className="muted">The files hold what the table shows: the same questions, replies and variant.</p>
      {offerPersonalData && (
        <div className="downloads__personal">
          <label>
            <input type="checkbox" checked={personal} aria-describedby={noteId} onChange={(event) => setPersonal(event.target.checked)} /> Include
            personal data
          </label>
          <p id={noteId} className="muted">
            Adds the contact details of the people who replied to the responses, comparison, two-rounds and workbook files. They are for the
            project team only and are never published; every such download is recorded in the audit log.
          </p>
        </div>
      )}
      <ul className="downloads__list">
        {shown.map((download) => (
          <li key={download.id} className="downloads__item">
            <a className="button button--secondary button--small" href={download.href} download>
              {download.label} <span className="downloads__format">({download.format})</span>
            </a>
            <span className="downloads__description">
              {download.description}
              {included && download.personalData === 'can-include' && ' With personal data.'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
