/* Permalinks with no server: both texts and the options live in the URL
 * fragment, so the address bar is the link.
 *
 *   #sd1=<base64url( deflate-raw( JSON {v:1, b:before, a:after, o:options} ) )>
 *
 * With a story's versions (history.js), also h: [{l: label, t: text}, …]
 * and p: [from, to], the two of them shown (b and a are those two, so an
 * older page still opens the link as its pair). When all the versions do
 * not fit, the link holds the pair alone.
 *
 * The fragment is made and read by link.js (deflate-raw by the browser's
 * CompressionStream, or by deflate.js where the browser has none). It
 * never leaves the browser (it is not sent to any server).
 * LIMIT: a fragment longer than 32 KB is not written: mail and chat apps,
 * and some browsers' address bars, cut links around there. The page says so
 * and offers an export instead. A broken or crafted fragment gives a
 * message and leaves the text areas as they were. */
import { whenIdle } from "./idle.js";
import { LIMIT, LinkError, decode, encode, isLink } from "./link.js";
import { SEEDS } from "./seeds.js";
import { page } from "./state.js";

var ready = false; // false until a link in the address has been read
var sequence = 0;
page.link = { tooLong: false, size: 0, limit: LIMIT, current: "" };
// The state the link in the address holds (null: no link there).
var linked = null;
// sessionStorage: the addresses this tab left behind its kept draft (a
// JSON list; one address as a string, as older pages wrote it).
var BEHIND = "storydiff.link.behind";
// The link the address held before the last write, and when it was
// replaced: a reload asked for just before that write opens it.
var replaced = null;

/** Replaces the address (its fragment: `fragment`, or none). */
function setAddress(fragment) {
  if (isLink(location.hash)) replaced = { hash: location.hash, at: performance.now() };
  history.replaceState(null, "", fragment ? "#" + fragment : bareAddress());
}

function sameVersions(a, b) {
  var x = a.versions || [];
  var y = b.versions || [];
  return (
    x.length === y.length &&
    x.every(function (v, i) {
      return v.text === y[i].text && v.label === y[i].label;
    }) &&
    String(a.pair) === String(b.pair)
  );
}

function same(a, b) {
  return (
    !!a &&
    !!b &&
    a.before === b.before &&
    a.after === b.after &&
    JSON.stringify(a.options) === JSON.stringify(b.options) &&
    sameVersions(a, b)
  );
}

/** The page's state, with the story's versions when there are several
 * (history.js). */
function current() {
  var state = page.state();
  var versions = page.history ? page.history.versions() : [];
  if (versions.length >= 2 && page.history.pair()) {
    state.versions = versions;
    state.pair = page.history.pair();
  }
  return state;
}

function bareAddress() {
  return location.href.replace(/#.*$/, "");
}

/** Writes the current texts into the address bar (or says they don't fit). */
// The newest sync's promise: an older one that finds itself superseded
// (a comparison finished in the worker meanwhile) waits for it, so that a
// caller such as Copy link always sees the link set.
var latestSync = Promise.resolve();
function sync() {
  latestSync = syncOnce();
  return latestSync;
}

async function syncOnce() {
  if (!ready) return;
  var mine = ++sequence;
  var state = current();
  if (!state.before && !state.after) {
    // Nothing to share: the bare address.
    linked = null;
    page.link.current = "";
    if (location.hash) setAddress(null);
    return;
  }
  var fragment;
  try {
    fragment = await encode(state, true);
    if (!fragment && state.versions) {
      // All the versions do not fit: the two shown do, perhaps.
      delete state.versions;
      delete state.pair;
      fragment = await encode(state, true);
    }
  } catch (e) {
    return;
  }
  if (mine !== sequence) return latestSync;
  // Too long: its length is not known, only that it passes the limit.
  page.link.size = fragment ? fragment.length : 0;
  if (!fragment || fragment.length > LIMIT) {
    page.link.tooLong = true;
    page.link.current = "";
    linked = null;
    if (location.hash) setAddress(null);
    tooLongNotice();
    return;
  }
  if (page.link.tooLong) page.notice("");
  page.link.tooLong = false;
  page.link.current = bareAddress() + "#" + fragment;
  linked = state;
  if (location.hash !== "#" + fragment) setAddress(fragment);
}

function kb(n) {
  return Math.ceil(n / 1024) + " KB";
}

function tooLongNotice() {
  page.notice(
    "These texts are too long for a link: it would be over the " + kb(LIMIT) +
      " that mail and chat apps carry safely, so the address bar no longer holds them. Share an export instead:",
    {
      actions: [
        { label: "Copy HTML", run: function () { page.exportAs && page.exportAs("html"); } },
        { label: "Copy Markdown", run: function () { page.exportAs && page.exportAs("markdown"); } },
        { label: "Copy JSON", run: function () { page.exportAs && page.exportAs("json"); } },
      ],
    }
  );
}

/** Opens the link in the address bar, if there is one. */
async function openFromAddress() {
  var hash = location.hash;
  var behind = null;
  try {
    behind = sessionStorage.getItem(BEHIND);
    sessionStorage.removeItem(BEHIND);
  } catch (e) {
    /* no session storage: the link wins */
  }
  if (!isLink(hash)) {
    ready = true;
    return false;
  }
  var left = [];
  try {
    left = behind && behind.charAt(0) === "[" ? JSON.parse(behind) : [behind];
  } catch (e) {
    left = [];
  }
  if (left.indexOf(hash) >= 0 && (page.state().before || page.state().after)) {
    // This tab left this address before its link caught up with the
    // typing: the kept draft is newer. The next comparison rewrites the
    // link.
    ready = true;
    return false;
  }
  try {
    var state = await decode(hash);
    var previous = page.state();
    linked = state;
    page.setTexts(state.before, state.after, state.options);
    if (page.history) page.history.open(state.versions || [], state.pair || null);
    // Offer back what was there, unless it was nothing or the example.
    var seeds = SEEDS;
    var own = (previous.before || previous.after) && !(previous.before === seeds.before && previous.after === seeds.after);
    var replaced = own && (previous.before !== state.before || previous.after !== state.after);
    if (replaced) {
      page.notice("Opened the texts from this link. The texts you had here before were replaced.", {
        actions: [{ label: "Bring my earlier texts back", run: function () {
          page.notice("");
          page.setTexts(previous.before, previous.after, previous.options);
        } }],
      });
    }
    return true;
  } catch (e) {
    var reason = e instanceof LinkError ? e.message : String(e && e.message ? e.message : e);
    page.notice(
      "This link could not be opened: " + reason + ". The texts below are the ones you had; nothing was changed.",
      { error: true }
    );
    return false;
  } finally {
    ready = true;
  }
}

page.openingLink = openFromAddress();
window.addEventListener("hashchange", function () {
  // history.replaceState fires no hashchange: this is a link pasted
  // into the address bar of an open page.
  if (isLink(location.hash)) {
    ready = false;
    page.openingLink = openFromAddress();
  }
});
// Written when the browser is idle, once the result is shown (idle.js):
// compressing a megabyte never delays a comparison.
document.addEventListener("storydiff:compared", function () {
  whenIdle("link", sync);
});

// The link is written a moment after the typing (it is compressed
// asynchronously), and a reload's address is fixed before the page
// hears of it: left (or reloaded) in that moment, this tab would open the
// link's older texts over the draft storage.js has just kept. So when
// the page is hidden the link is brought up to date if there is time,
// and when it goes, a note in this tab's sessionStorage says the address
// is behind the draft (and so is the link replaced in the last two
// seconds, which a reload asked for just before may still open); the
// next load of such an address keeps the draft (openFromAddress).
document.addEventListener("visibilitychange", function () {
  if (document.visibilityState === "hidden" && ready && isLink(location.hash) && !same(linked, current())) sync();
});
window.addEventListener("pagehide", function () {
  if (!page.kept) return;
  var behind = [];
  if (isLink(location.hash) && !same(linked, current())) behind.push(location.hash);
  // A reload's address is fixed when it is asked for: a link written
  // (at idle time) a moment before the page went may not be in it.
  if (replaced && performance.now() - replaced.at < 2000) behind.push(replaced.hash);
  if (!behind.length) return;
  try {
    sessionStorage.setItem(BEHIND, JSON.stringify(behind));
  } catch (e) {
    /* the link wins, as before */
  }
});

document.getElementById("copy-link").addEventListener("click", async function () {
  await page.openingLink;
  await sync();
  if (page.link.tooLong) {
    tooLongNotice();
    return;
  }
  if (!page.link.current) {
    page.notice("Nothing to link to yet: paste two versions first.");
    return;
  }
  // A page opened from disk: its link names the file, so it opens only
  // where that file is.
  var note =
    location.protocol === "file:"
      ? "This page was opened from a file, so the link works only where the same page file is at the same place (" +
        decodeURI(location.pathname) + "): the recipient needs the page. To share with anyone, use Copy HTML."
      : "";
  page.copy(page.link.current, "the link (" + kb(page.link.size) + ")", "Copy this link", note);
});
