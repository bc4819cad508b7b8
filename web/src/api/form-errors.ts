import { isApiError } from './client';

/**
 * Normalises a server field path to the dotted path a Mantine form uses:
 * `body.email`, `/email`, `email` → `email`; `roles/0` → `roles.0`.
 */
export function toFormPath(field: string): string {
  return field
    .replace(/^\/+/, '')
    .replace(/^body[./]/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.');
}

/**
 * Turns the `errors[]` of a problem into form errors. Errors on fields the form does not have
 * (or without a field) are returned in `rest`, so the page can show them in an Alert.
 */
export function problemToFormErrors(
  error: unknown,
  knownFields: readonly string[],
): { fieldErrors: Record<string, string>; rest: string[] } {
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  if (!isApiError(error)) return { fieldErrors, rest };
  for (const { field, message } of error.errors) {
    const path = toFormPath(field);
    const root = path.split('.')[0] ?? '';
    const key = knownFields.includes(path) ? path : knownFields.includes(root) ? root : undefined;
    if (key === undefined) {
      rest.push(field ? `${field}: ${message}` : message);
    } else if (!fieldErrors[key]) {
      fieldErrors[key] = message;
    }
  }
  return { fieldErrors, rest };
}

type SettableForm = { setErrors: (errors: Record<string, string>) => void; getValues: () => object };

/**
 * Puts a failed request's field errors onto a Mantine form. Returns the message to show above
 * the form, or null when every problem landed on a field.
 */
export function applyProblemToForm(form: SettableForm, error: unknown): string | null {
  const known = Object.keys(form.getValues());
  const { fieldErrors, rest } = problemToFormErrors(error, known);
  form.setErrors(fieldErrors);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  if (hasFieldErrors && rest.length === 0) return null;
  if (isApiError(error)) {
    return [error.userMessage, ...rest].join(' ');
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}
