/** Human-sized bytes: "2.5 MB". */
export function bytesLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / (102.4 * 1024)) / 10} MB`;
}

/**
 * Checks a chosen file against the assignment's limits before it is sent, so a learner learns at
 * once that a file is too big or of the wrong kind. The server checks again, by content.
 */
export function checkEvidenceFile(
  file: File,
  limits: { fileTypes: string[]; maxFileBytes: number | null },
): string | null {
  if (limits.fileTypes.length > 0 && !limits.fileTypes.includes(file.type)) {
    return `This file is ${file.type || 'of an unknown type'}; the assignment accepts ${limits.fileTypes.join(', ')}.`;
  }
  if (limits.maxFileBytes !== null && file.size > limits.maxFileBytes) {
    return `This file is ${bytesLabel(file.size)}; the most the assignment accepts is ${bytesLabel(limits.maxFileBytes)}.`;
  }
  if (file.size === 0) return 'This file is empty.';
  return null;
}
