// The site on a phone: the filter panel open on wide screens, share and print, the service
// worker (offline), listings saved on this device, and reading a listing aloud.
// Everything here is an addition: without JavaScript each page still works, and the buttons
// that need it stay hidden. Visible texts come translated from data attributes.
(function () {
  "use strict";

  var SAVED_KEY = "wegweiser:saved";
  var PAGES_CACHE = "wegweiser-pages";

  function each(selector, callback) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), callback);
  }

  // --- filters: folded on a phone, open beside the results on a wide screen ---------------
  // Asked only where there is a filter panel: the media query makes the browser compute the
  // page's style before it has painted.
  var filterPanels = document.querySelectorAll("details[data-filters]");
  if (filterPanels.length && window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) {
    Array.prototype.forEach.call(filterPanels, function (details) { details.open = true; });
  }

  // --- share and print ----------------------------------------------------------------------
  each("[data-share-tools]", function (tools) {
    var status = tools.querySelector("[data-share-status]");
    var share = tools.querySelector("[data-share]");
    tools.hidden = false;
    share.addEventListener("click", function () {
      var data = { title: document.title, url: window.location.href };
      if (navigator.share) {
        navigator.share(data).catch(function () { /* the visitor closed the share sheet */ });
        return;
      }
      var copied = navigator.clipboard
        ? navigator.clipboard.writeText(data.url)
        : Promise.reject(new Error("no clipboard"));
      copied.then(function () {
        status.textContent = share.getAttribute("data-share-copied");
      }, function () {
        status.textContent = share.getAttribute("data-share-failed");
      });
    });
    tools.querySelector("[data-print]").addEventListener("click", function () { window.print(); });
  });

  // --- offline: the service worker, and this page kept even before it took control -------
  function keepThisPage() {
    if (!window.caches) { return Promise.resolve(); }
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.add(window.location.href);
    }).catch(function () { /* offline or storage full: nothing to keep */ });
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function () {
      if (!navigator.serviceWorker.controller && document.querySelector("[data-save]")) {
        keepThisPage();
      }
    }).catch(function () { /* no service worker (private mode): the site works online */ });
  }

  // --- saved listings (localStorage, this device only) ------------------------------------
  function savedListings() {
    try {
      var items = JSON.parse(window.localStorage.getItem(SAVED_KEY) || "[]");
      return Array.isArray(items) ? items : [];
    } catch (error) {
      return [];
    }
  }

  function storeSaved(items) {
    try {
      window.localStorage.setItem(SAVED_KEY, JSON.stringify(items));
      return true;
    } catch (error) {
      return false;
    }
  }

  function isSaved(url) {
    return savedListings().some(function (item) { return item.url === url; });
  }

  each("[data-save]", function (button) {
    var url = button.getAttribute("data-save-url");
    var label = button.querySelector("[data-save-label]");
    function show() {
      var saved = isSaved(url);
      button.setAttribute("aria-pressed", saved ? "true" : "false");
      label.textContent = button.getAttribute(saved ? "data-label-saved" : "data-label-save");
    }
    if (!window.localStorage) { return; }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      var items = savedListings().filter(function (item) { return item.url !== url; });
      if (!isSaved(url)) {
        items.unshift({
          url: url,
          title: button.getAttribute("data-save-title"),
          summary: button.getAttribute("data-save-summary"),
          organisation: button.getAttribute("data-save-org"),
          lang: button.getAttribute("data-save-lang"),
          saved: new Date().toISOString()
        });
        keepThisPage();
      }
      storeSaved(items);
      show();
    });
  });

  each("[data-saved-list]", function (list) {
    var empty = document.querySelector("[data-saved-empty]");
    each("[data-saved-needs-script]", function (note) { note.hidden = true; });
    function render() {
      var items = savedListings();
      list.textContent = "";
      empty.hidden = items.length > 0;
      items.forEach(function (item) {
        var entry = document.createElement("li");
        var card = document.createElement("article");
        var title = document.createElement("h2");
        var link = document.createElement("a");
        var remove = document.createElement("button");
        var hiddenName = document.createElement("span");
        card.className = "card listing-card";
        title.className = "card-title";
        title.lang = item.lang || "";
        title.dir = "auto";
        link.href = item.url;
        link.textContent = item.title;
        title.appendChild(link);
        card.appendChild(title);
        [["card-meta", item.organisation], ["card-summary", item.summary]].forEach(function (part) {
          if (!part[1]) { return; }
          var text = document.createElement("p");
          text.className = part[0];
          text.lang = item.lang || "";
          text.dir = "auto";
          text.textContent = part[1];
          card.appendChild(text);
        });
        remove.type = "button";
        remove.className = "button button-secondary";
        remove.textContent = list.getAttribute("data-remove-label") + " ";
        hiddenName.className = "visually-hidden";
        hiddenName.textContent = item.title;
        remove.appendChild(hiddenName);
        remove.addEventListener("click", function () {
          storeSaved(savedListings().filter(function (other) { return other.url !== item.url; }));
          render();
        });
        card.appendChild(remove);
        entry.appendChild(card);
        list.appendChild(entry);
      });
    }
    render();
  });

  // --- read a listing aloud -----------------------------------------------------------------
  // Phone numbers and postcodes are read digit by digit: "39104" as "3 9 1 0 4", not as
  // "thirty-nine thousand ...". Times (09:00) and years (2025) have fewer digits in a row.
  function spellDigits(text) {
    return text.replace(/\+?\d[\d\s\/().\-]*\d/g, function (number) {
      if (number.replace(/\D/g, "").length < 5) { return number; }
      return number.split(/[\s\/().\-]+/).filter(Boolean).map(function (group) {
        return group.split("").join(" ");
      }).join(", ");
    });
  }

  var READ_PARTS = [
    "#page-title", ".listing-header .lead", ".listing-main .rich-text",
    "#when-title", ".hours tbody tr", "#where-title", ".location address",
    "#contact-title", ".contact-links a[href^='tel:']"
  ];

  function languageOf(element) {
    var holder = element.closest("[lang]");
    return ((holder && holder.getAttribute("lang")) || document.documentElement.lang || "").toLowerCase();
  }

  function readingParts(article) {
    var parts = [];
    READ_PARTS.forEach(function (selector) {
      Array.prototype.forEach.call(article.querySelectorAll(selector), function (element) {
        var text = (element.innerText || element.textContent || "").replace(/\s+/g, " ").trim();
        if (text) { parts.push({ text: spellDigits(text), lang: languageOf(element) }); }
      });
    });
    return parts;
  }

  // The languages that would be read, from textContent: innerText (readingParts) makes the
  // browser lay the page out, which is only worth it once the visitor presses the button.
  function readingLanguages(article) {
    var languages = [];
    READ_PARTS.forEach(function (selector) {
      Array.prototype.forEach.call(article.querySelectorAll(selector), function (element) {
        var lang = languageOf(element);
        if (element.textContent.trim() && languages.indexOf(lang) < 0) { languages.push(lang); }
      });
    });
    return languages;
  }

  function voiceFor(voices, lang) {
    var primary = lang.split(/[-_]/)[0];
    var exact = null;
    var close = null;
    voices.forEach(function (voice) {
      var voiceLang = (voice.lang || "").toLowerCase().replace("_", "-");
      if (voiceLang === lang && !exact) { exact = voice; }
      if (voiceLang.split("-")[0] === primary && !close) { close = voice; }
    });
    return exact || close;
  }

  each("[data-read-aloud]", function (button) {
    var synth = window.speechSynthesis;
    var article = button.closest("article") || document;
    var label = button.querySelector("[data-read-label]");
    if (!synth || !window.SpeechSynthesisUtterance) { return; }

    function parts() { return readingParts(article); }

    function update() {
      var voices = synth.getVoices();
      // Hidden unless every language on the way (the listing's, the interface's) has a voice.
      button.hidden = !voices.length || !readingLanguages(article).every(function (lang) {
        return voiceFor(voices, lang);
      });
    }

    function reset() {
      button.setAttribute("aria-pressed", "false");
      label.textContent = button.getAttribute("data-label-read");
    }

    update();
    synth.addEventListener("voiceschanged", update);
    button.addEventListener("click", function () {
      if (synth.speaking || synth.pending) {
        synth.cancel();
        reset();
        return;
      }
      var voices = synth.getVoices();
      var queue = parts();
      queue.forEach(function (part, index) {
        var utterance = new SpeechSynthesisUtterance(part.text);
        utterance.lang = part.lang;
        utterance.voice = voiceFor(voices, part.lang);
        if (index === queue.length - 1) {
          utterance.addEventListener("end", reset);
          utterance.addEventListener("error", reset);
        }
        synth.speak(utterance);
      });
      button.setAttribute("aria-pressed", "true");
      label.textContent = button.getAttribute("data-label-stop");
    });
  });
})();
