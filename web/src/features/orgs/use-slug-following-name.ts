import { useState, type ChangeEvent } from 'react';
import { slugify } from './slug';

/**
 * A name field and an address (slug) field where the address follows the name as it is typed,
 * until the person edits the address themselves. Addresses are kept lowercase.
 */
export function useSlugFollowingName(set: { name: (value: string) => void; slug: (value: string) => void }) {
  const [isSlugEdited, setSlugEdited] = useState(false);
  return {
    onNameChange: (event: ChangeEvent<HTMLInputElement>) => {
      const name = event.currentTarget.value;
      set.name(name);
      if (!isSlugEdited) set.slug(slugify(name));
    },
    onSlugChange: (event: ChangeEvent<HTMLInputElement>) => {
      setSlugEdited(true);
      set.slug(event.currentTarget.value.toLowerCase());
    },
    /** The address follows the name again (a fresh form). */
    reset: () => setSlugEdited(false),
  };
}
