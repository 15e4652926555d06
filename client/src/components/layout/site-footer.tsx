import { ATTRIBUTION } from '../../config/product';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>
          A questionnaire platform of the {ATTRIBUTION}, for the regional project on cooperation
          between civil society and law enforcement against trafficking in human beings.
        </p>
      </div>
    </footer>
  );
}
