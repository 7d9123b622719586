/**
 * The marks of the SPID and CIE buttons, drawn by us after the official buttons' look (a person in
 * a white circle; an identity card): inline SVG, so that nothing loads from another origin.
 * Decorative: the button's text names it.
 */
export function SpidMark() {
  return (
    <svg className="identity-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="16" fill="#fff" />
      <circle cx="16" cy="11.5" r="4.75" fill="#06c" />
      <path d="M7.5 24.5c0-4.9 3.8-8.3 8.5-8.3s8.5 3.4 8.5 8.3v.5h-17z" fill="#06c" />
    </svg>
  );
}

export function CieMark() {
  return (
    <svg className="identity-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1.5" y="6" width="29" height="20" rx="3" fill="#fff" />
      <circle cx="10" cy="13.5" r="3" fill="#06c" />
      <path d="M5 22.5c0-3 2.2-5.2 5-5.2s5 2.2 5 5.2z" fill="#06c" />
      <rect x="18" y="11" width="9" height="2" rx="1" fill="#06c" />
      <rect x="18" y="15" width="9" height="2" rx="1" fill="#06c" />
      <rect x="18" y="19" width="6" height="2" rx="1" fill="#06c" />
    </svg>
  );
}
