/* storydiff: compare two versions of a story. The entry of the classic
 * script dist/story-diff.js (esbuild, IIFE): it carries its own
 * WebAssembly, so it works from file:// and from any site, sets
 * window.StoryDiff and registers <story-diff>. */
import StoryDiff from "./api.js";
import { defineElement } from "./element/element.js";

window.StoryDiff = StoryDiff;
defineElement();
