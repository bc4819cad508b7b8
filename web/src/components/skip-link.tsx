/** The first thing a keyboard user reaches: jumps over the header and navigation. */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}
