/**
 * Classic (IIFE) content script at document_start: installs the paste guard synchronously,
 * before any script of the page runs (the module entry is loaded asynchronously by the bundler's
 * loader, which could lose that race).
 */
import { startPasteGuard } from './paste-guard.ts';

startPasteGuard();
