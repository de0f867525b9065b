import { labelOperationSpec } from './fields';

/** Detach Label: DELETE /chat-label?session&identity|hash&label (no body). */
export const labelDetach = labelOperationSpec('DELETE', 'detached');
