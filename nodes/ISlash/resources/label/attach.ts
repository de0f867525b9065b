import { labelOperationSpec } from './fields';

/** Attach Label: POST /chat-label?session&identity|hash&label (no body). */
export const labelAttach = labelOperationSpec('POST', 'attached');
