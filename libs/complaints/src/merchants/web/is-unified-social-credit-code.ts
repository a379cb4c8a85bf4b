import { registerDecorator, type ValidationArguments } from 'class-validator';
import { isUnifiedSocialCreditCode, UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE } from '../domain/unified-social-credit-code';

export function IsUnifiedSocialCreditCode(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isUnifiedSocialCreditCode',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isUnifiedSocialCreditCode(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be the 18-character unified social credit code (统一社会信用代码) of the business licence, e.g. ${UNIFIED_SOCIAL_CREDIT_CODE_EXAMPLE}; check for a mistyped character`,
      },
    });
}
