export { ApiForm, type ApiFormProps } from './ApiForm';
export { Checkbox, Field } from './Field';
export { ErrorSummary } from './ErrorSummary';
export { type FormError, type FormErrors, useServerErrors } from './useServerErrors';
export { Unreachable } from './Unreachable';
export { StepUpAction, StepUpAlert } from './StepUp';
