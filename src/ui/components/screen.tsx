import type { ComponentChildren } from 'preact';

/**
 * Every screen has the same shape on a portrait kiosk: a title area in the top third that only
 * informs, and every control in the lower two thirds, where a seated visitor can reach.
 */
export function Screen({ title, info, children, nav }: { title: ComponentChildren; info?: ComponentChildren; children: ComponentChildren; nav?: ComponentChildren }) {
  return (
    <div class="screen">
      <header class="screen-head">
        <h1>{title}</h1>
        {info}
      </header>
      <div class="screen-body">{children}</div>
      {nav && <nav class="screen-nav">{nav}</nav>}
    </div>
  );
}
