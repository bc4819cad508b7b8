type CairnMarkProps = { size?: number; title?: string };

/** The Cairn mark: three stacked stones, the largest at the base. Decorative unless titled. */
export function CairnMark({ size = 32, title }: CairnMarkProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      <path
        d="M7 50.5c0-5.6 10.6-9.3 24.2-9.3 14.4 0 25.8 3.6 25.8 9.6 0 5.5-11 8.7-25 8.7C17.6 59.5 7 56.2 7 50.5Z"
        fill="var(--mantine-color-cairn-8, #287176)"
      />
      <path
        d="M14.5 34.2c0-4.6 7.5-7.7 17.3-7.7 10.2 0 17.7 3.2 17.7 7.9 0 4.4-7.7 7-17.6 7-9.8 0-17.4-2.7-17.4-7.2Z"
        fill="var(--mantine-color-cairn-5, #539ca0)"
      />
      <path
        d="M21 19.4c0-4 4.8-7.4 11.4-7.4 6.7 0 11.6 3.3 11.6 7.5 0 3.9-5 6.5-11.5 6.5C25.9 26 21 23.3 21 19.4Z"
        fill="var(--mantine-color-ember-5, #e87b3c)"
      />
    </svg>
  );
}
