import sprite from 'bootstrap-italia/dist/svg/sprites.svg?url';

/** A Bootstrap Italia icon from its sprite, served by us. Decorative unless given a title. */
export function Icon({ name, title, className }: { name: string; title?: string; className?: string }) {
  return (
    <svg
      className={`icon-inline${className ? ` ${className}` : ''}`}
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
