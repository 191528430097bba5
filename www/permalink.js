/* Permalinks with no server: both texts and the options live in the URL
 * fragment, so the address bar is the link.
 *
 *   #sd1=<base64url( deflate-raw( JSON {v:1, b:before, a:after, o:options} ) )>
 *
 * The fragment never leaves the browser (it is not sent to any server).
 * LIMIT: a fragment longer than 32 KB is not written: mail and chat apps,
 * and some browsers' address bars, cut links around there. The page says so
 * and offers an export instead. A broken or crafted fragment gives a
 * message and leaves the text areas as they were. */
(function () {
  "use strict";
  var page = (window.StoryDiffPage = window.StoryDiffPage || {});
  var PREFIX = "sd1=";
  var LIMIT = 32 * 1024;
  /** A link may not inflate to more than this (a "zip bomb" fragment). */
  var MAX_INFLATED = 16 * 1024 * 1024;
  var OPTION_KEYS = page.OPTION_KEYS;

  function toBase64Url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError("it contains characters a storydiff link never has");
    var padded = text.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) padded += "=";
    var binary;
    try {
      binary = atob(padded);
    } catch (e) {
      throw new LinkError("it is cut short");
    }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function LinkError(message) {
    this.message = message;
  }

  async function deflate(text) {
    var stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  async function inflate(bytes) {
    var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
    var chunks = [];
    var total = 0;
    try {
      for (;;) {
        var step = await reader.read();
        if (step.done) break;
        total += step.value.length;
        if (total > MAX_INFLATED) {
          reader.cancel().catch(function () {});
          throw new LinkError("it unpacks to more than " + MAX_INFLATED / 1024 / 1024 + " MB");
        }
        chunks.push(step.value);
      }
    } catch (e) {
      if (e instanceof LinkError) throw e;
      throw new LinkError("it is damaged or cut short (the compressed data does not unpack)");
    }
    var all = new Uint8Array(total);
    var at = 0;
    chunks.forEach(function (chunk) {
      all.set(chunk, at);
      at += chunk.length;
    });
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(all);
    } catch (e) {
      throw new LinkError("its text is not valid UTF-8");
    }
  }

  /** The fragment (without "#") for a state {before, after, options}. */
  async function encode(state) {
    var options = {};
    OPTION_KEYS.forEach(function (key) {
      if (state.options && state.options[key]) options[key] = true;
    });
    var json = JSON.stringify({ v: 1, b: state.before, a: state.after, o: options });
    return PREFIX + toBase64Url(await deflate(json));
  }

  /** The state in a fragment; throws a LinkError with a reason. */
  async function decode(fragment) {
    if (fragment.charAt(0) === "#") fragment = fragment.slice(1);
    if (fragment.indexOf(PREFIX) !== 0) {
      throw new LinkError(/^sd\d+=/.test(fragment) ? "it was made by a newer storydiff" : "it is not a storydiff link");
    }
    var text = await inflate(fromBase64Url(fragment.slice(PREFIX.length)));
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new LinkError("its contents are not what a storydiff link holds");
    }
    if (!data || typeof data !== "object" || data.v !== 1 || typeof data.b !== "string" || typeof data.a !== "string") {
      throw new LinkError("its contents are not what a storydiff link holds");
    }
    var options = {};
    if (data.o && typeof data.o === "object") {
      OPTION_KEYS.forEach(function (key) {
        if (data.o[key] === true) options[key] = true;
      });
    }
    return { before: data.b, after: data.a, options: options };
  }

  /** Whether a fragment is meant as a permalink (row anchors are not). */
  function isLink(fragment) {
    return /^#?sd\d+=/.test(fragment);
  }

  var ready = false; // false until a link in the address has been read
  var sequence = 0;
  page.link = { tooLong: false, size: 0, limit: LIMIT, current: "" };

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
    var state = page.state();
    if (!state.before && !state.after) {
      // Nothing to share: the bare address.
      page.link.current = "";
      if (location.hash) history.replaceState(null, "", bareAddress());
      return;
    }
    var fragment;
    try {
      fragment = await encode(state);
    } catch (e) {
      return;
    }
    if (mine !== sequence) return latestSync;
    page.link.size = fragment.length;
    if (fragment.length > LIMIT) {
      page.link.tooLong = true;
      page.link.current = "";
      if (location.hash) history.replaceState(null, "", bareAddress());
      tooLongNotice();
      return;
    }
    if (page.link.tooLong) page.notice("");
    page.link.tooLong = false;
    page.link.current = bareAddress() + "#" + fragment;
    if (location.hash !== "#" + fragment) history.replaceState(null, "", "#" + fragment);
  }
  page.syncLink = sync;

  function kb(n) {
    return Math.ceil(n / 1024) + " KB";
  }

  function tooLongNotice() {
    page.notice(
      "These texts are too long for a link: it would be " + kb(page.link.size) + ", over the " + kb(LIMIT) +
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
    if (!isLink(hash)) {
      ready = true;
      return false;
    }
    try {
      var state = await decode(hash);
      var previous = page.state();
      page.setTexts(state.before, state.after, state.options);
      // Offer back what was there, unless it was nothing or the example.
      var seeds = window.STORYDIFF_SEEDS || {};
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
  document.addEventListener("storydiff:compared", function () {
    sync();
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
    page.copy(page.link.current, "the link (" + kb(page.link.size) + ")", "Copy this link");
  });

  page.encodeLink = encode;
  page.decodeLink = decode;
})();
