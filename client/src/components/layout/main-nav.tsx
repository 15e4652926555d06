import { NavLink } from 'react-router';

export interface NavItem {
  label: string;
  to: string;
}

export function MainNav({ items }: { items: NavItem[] }) {
  return (
    <nav className="main-nav" aria-label="Main">
      <div className="container">
        <ul className="main-nav__list">
          {items.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} className="main-nav__link">
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
