// Wegweiser's service worker (served at /sw.js by base.offline.service_worker).
// Keeps the site shell, the offline and "Saved" pages of every language and every page
// visited. Pages: network first, then the copy kept, then the offline page of their language.
// Static files: the copy kept, refreshed in the background.
"use strict";

const CONFIG = {{ config|safe }};
const SHELL = "wegweiser-shell-" + CONFIG.version;
const PAGES = "wegweiser-pages";
const MAX_PAGES = 200;

self.addEventListener("install", (event) => {
  const urls = CONFIG.shell.slice();
  Object.values(CONFIG.pages).forEach((page) => urls.push(page.offline, page.saved));
  event.waitUntil(
    caches.open(SHELL).then((cache) => cache.addAll(urls)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((key) => key.startsWith("wegweiser-shell-") && key !== SHELL)
          .map((key) => caches.delete(key))
      ))
      .then(() => self.clients.claim())
  );
});

function keepable(url) {
  return url.origin === self.location.origin &&
    !CONFIG.uncached.some((prefix) => url.pathname.startsWith(prefix));
}

function offlinePage(url) {
  const language = url.pathname.split("/")[1];
  const pages = CONFIG.pages[language] || Object.values(CONFIG.pages)[0];
  return caches.match(pages.offline);
}

async function trim(cache) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - MAX_PAGES; i += 1) {
    await cache.delete(keys[i]);
  }
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      const cache = await caches.open(PAGES);
      await cache.put(request, response.clone());
      trim(cache);
    }
    return response;
  } catch (error) {
    const kept = await caches.match(request, { ignoreVary: true });
    return kept || (await offlinePage(url)) || Response.error();
  }
}

async function keptFirst(event, request) {
  const kept = await caches.match(request);
  const fresh = fetch(request).then(async (response) => {
    if (response.ok) {
      const cache = await caches.open(SHELL);
      await cache.put(request, response.clone());
    }
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(() => null));
    return kept;
  }
  return fresh;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !keepable(url)) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, url));
  } else if (url.pathname.startsWith(CONFIG.static) || CONFIG.shell.includes(url.pathname)) {
    event.respondWith(keptFirst(event, request));
  }
});
