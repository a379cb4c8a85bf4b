export { maskEmail, maskIdNumber, maskName, maskPhone } from './privacy/masking';
