// Entry for the page's MAIN world (document_start, all frames). Bundled as a classic
// script with no runtime imports; all logic lives in src/capture.
import { installPageHook } from '../src/capture/install-page-hook';

installPageHook(window);
