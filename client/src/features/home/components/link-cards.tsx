import { Link } from 'react-router';

export interface LinkCard {
  to: string;
  title: string;
  description: string;
}

/** The places a start page leads to, each a card with a sentence about it. */
export function LinkCards({ links }: { links: LinkCard[] }) {
  return (
    <ul className="link-cards">
      {links.map((link) => (
        <li key={link.to} className="link-card">
          <Link to={link.to} className="link-card__link">
            {link.title}
          </Link>
          <p className="link-card__description">{link.description}</p>
        </li>
      ))}
    </ul>
  );
}
