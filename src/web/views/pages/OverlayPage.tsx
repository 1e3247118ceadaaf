import type { Board, WebEvent } from '../../ReadModel';
import { BoardTable } from '../BoardTable';

/** For OBS's browser source: transparent background, the top rows only, kept live by live.js. */
export function OverlayPage({
  event,
  board,
  top,
  streamUrl,
}: {
  event: WebEvent;
  board: Board;
  top: number;
  streamUrl: string;
}) {
  return (
    <html lang="en" class="overlay">
      <head>
        <meta charset="utf-8" />
        <title>{`${event.name} · overlay`}</title>
        <link rel="icon" href="/static/favicon.svg" />
        <link rel="stylesheet" href="/static/overlay.css" />
        <script src="/static/live.js" defer />
      </head>
      <body>
        <h1>{event.name}</h1>
        <div id="board" data-live={streamUrl}>
          <BoardTable board={board} idOf={() => ''} top={top} compact />
        </div>
      </body>
    </html>
  );
}
