import type { FormRule } from 'antd';

/** A new password's rules, as the API's: at least 10 characters, not containing the username. */
export function newPasswordRules(
  username: (getFieldValue: (name: string) => unknown) => unknown,
  messages: { required: string; tooShort: string; containsUsername: string },
): FormRule[] {
  return [
    { required: true, message: messages.required },
    { min: 10, message: messages.tooShort },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        const name = username(getFieldValue);
        if (value && typeof name === 'string' && name && value.toLowerCase().includes(name.toLowerCase()))
          throw new Error(messages.containsUsername);
      },
    }),
  ];
}

/** The same password typed again, in step with the field `field`. */
export function confirmPasswordRules(field: string, messages: { required: string; mismatch: string }): FormRule[] {
  return [
    { required: true, message: messages.required },
    ({ getFieldValue }) => ({
      validator: async (_, value: string | undefined) => {
        if (value && value !== getFieldValue(field)) throw new Error(messages.mismatch);
      },
    }),
  ];
}
