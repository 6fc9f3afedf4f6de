import type { ComponentChildren } from 'preact';
import { LobbyBand } from '../lobby';

interface Props {
  title: ComponentChildren;
  info?: ComponentChildren;
  children: ComponentChildren;
  nav?: ComponentChildren;
  /** Controls that stay put under the content (a keyboard, "take a number"): never scrolled away. */
  footer?: ComponentChildren;
  /** The content scrolls when it is longer than the screen (lists); false when the screen lays itself out. */
  scroll?: boolean;
  /** The whole lobby band (idle, home); other screens show it as one line. */
  band?: 'full' | 'line';
}

/**
 * Every screen has the same shape on a portrait kiosk: the lobby band and the title in the top
 * third, which only inform, and every control in the lower two thirds, where a seated visitor
 * reaches. Long content scrolls inside its own area; the keyboard and the bottom bar never move.
 */
export function Screen({ title, info, children, nav, footer, scroll = true, band = 'line' }: Props) {
  return (
    <div class="screen">
      <div class="screen-top">
        <LobbyBand full={band === 'full'} />
        <header class="screen-head">
          <h1>{title}</h1>
          {info}
        </header>
      </div>
      {scroll ? (
        <div class="screen-body" data-scrolls>
          {children}
        </div>
      ) : (
        <div class="screen-body fixed">{children}</div>
      )}
      {footer && <div class="screen-footer">{footer}</div>}
      {nav && <nav class="screen-nav">{nav}</nav>}
    </div>
  );
}
