export { reportAssurance } from './report-assurance.ts';
