import { describe, expect, it } from 'vitest';
import { findMentions } from './mentions.js';

const people = [
  { id: 'ann', name: 'Ann' },
  { id: 'anna', name: 'Anna Berg' },
  { id: 'annlee', name: 'Ann Lee' },
  { id: 'omar', name: 'Omar Haddad' },
];

describe('findMentions', () => {
  it('finds full names after @, whatever their case', () => {
    expect(findMentions('Thanks @omar haddad, and @ANNA BERG too', people).sort()).toEqual(['anna', 'omar']);
  });
  it('prefers the longest name and does not count its prefix as a second mention', () => {
    expect(findMentions('@Ann Lee what do you think?', people)).toEqual(['annlee']);
  });
  it('needs a word boundary after the name', () => {
    expect(findMentions('@Annabel is not here', people)).toEqual([]);
    expect(findMentions('@Ann, are you here?', people)).toEqual(['ann']);
  });
  it('ignores names without @ and people outside the list', () => {
    expect(findMentions('Omar Haddad and @Zoe Ray', people)).toEqual([]);
  });
});
