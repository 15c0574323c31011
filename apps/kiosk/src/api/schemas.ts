// What the app checks the server's answers with: zod and the API's schemas (the content's holds the whole pack format,
// with every mechanic's). A chunk of its own, loaded with the first request (api/client.ts), so the first screen's code
// does not carry it; every answer is still checked before the app uses it.
export { codeRefusal, ContentResponse, DeviceStatus, EnrollResponse, ErrorBody, isNotEnrolled, KioskConfigResponse } from '@ruyi/api-contract';
export { z } from 'zod';
