// A refusal staff meet, with its stable code in `details` (packages/api-contract/src/refusals.ts): the message stays
// English for logs; the app says it in the staff's language from the code.
import { refusalDetail, type RefusalCode, type RefusalParams } from '@ruyi/api-contract';
import { ApiError } from './errors.ts';

export function refusal(statusCode: number, code: RefusalCode, message: string, params: RefusalParams = {}): ApiError {
  return new ApiError(statusCode, message, [refusalDetail(code, message, params)]);
}
