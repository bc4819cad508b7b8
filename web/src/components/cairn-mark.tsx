type CairnMarkProps = { size?: number; title?: string };

/** The Cairn mark: three stacked stones, the largest at the base. Decorative unless titled. */
export function CairnMark({ size = 32, title }: CairnMarkProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="3 5 58 58"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      <path
        d="M6 52C7 46.5 17 43 30 43.5C45 44 57.5 47 58 52.5C58.5 57.5 46 59.8 31 59.5C16 59.2 5.5 57 6 52Z"
        fill="var(--mantine-color-cairn-8, #287176)"
      />
      <path
        d="M14 35C14.5 30 22 27 32 27.2C42 27.4 50 30.5 49.5 35.5C49 40 41 41.8 31.5 41.5C21.5 41.2 13.6 39.5 14 35Z"
        fill="var(--mantine-color-cairn-5, #539ca0)"
      />
      <path
        d="M21.5 19.5C22 14.5 27 11.5 33 12C39.5 12.5 43.5 16 43 20.5C42.5 24.5 37.5 26 32 25.8C26 25.6 21.2 23.5 21.5 19.5Z"
        fill="var(--mantine-color-ember-5, #e87b3c)"
      />
    </svg>
  );
}
