import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { WebSeason } from '../ReadModel';
import { urls } from '../urls';

export interface LayoutProps {
  title: string;
  seasons: WebSeason[];
  /** scripts from /static, loaded deferred (the pages work without them) */
  scripts?: string[];
  children: ComponentChildren;
}

/** The one layout every page shares: header navigation, main content, the API link. */
export function Layout({ title, seasons, scripts = [], children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · League`}</title>
        <link rel="icon" href="/static/favicon.svg" />
        <link rel="stylesheet" href="/static/style.css" />
        {scripts.map((s) => (
          <script src={`/static/${s}`} defer />
        ))}
      </head>
      <body>
        <header>
          <nav>
            <a href={urls.home()}>Live</a>
            <a href={urls.schedule()}>Schedule</a>
            {seasons.map((s) => (
              <a href={urls.season(s.id)}>{s.name}</a>
            ))}
          </nav>
        </header>
        <main>{children}</main>
        <footer>
          <a href={urls.api.openapi()}>JSON API</a>
        </footer>
      </body>
    </html>
  );
}

/** A whole page as the bytes to send. */
export function renderPage(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}
