// The search page: Pagefind's interface, in the page's language, starting from ?q= in the address.
// Pagefind reads <html lang> and loads only that language's index.
(function () {
  var mount = document.getElementById("site-search-results");
  if (!mount || typeof PagefindUI === "undefined") return;
  var ui = new PagefindUI({
    element: mount,
    bundlePath: new URL(mount.dataset.bundle, location.href).pathname,  // absolute: a relative path would be read from the script's folder
    translations: JSON.parse(mount.dataset.translations),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
  var header = document.getElementById("site-search-query");
  if (header && query) header.value = query;
})();
