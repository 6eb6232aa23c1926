// GitHub Pages answers every missing address with the default language's /404.html. When the
// address is under another language (/bg/..., /repo/cs/...), this loads that language's own
// "page not found" page (/bg/404.html) and shows it in place, so that its title, language,
// header, search and footer are in the visitor's language; the address stays as it was.
// It runs in <head>, before the page is drawn, so the default language never flashes.
(function () {
  var script = document.currentScript;
  var root = document.documentElement;
  var here = script.dataset.language;  // the language of this page; its own page does nothing
  var pages = JSON.parse(script.dataset.pages);
  var base = script.dataset.base;
  var path = location.pathname;
  var rest = path.indexOf(base) === 0 ? path.slice(base.length) : path.replace(/^\//, "");
  var wanted = rest.split("/")[0];
  if (!wanted || wanted === here || !Object.prototype.hasOwnProperty.call(pages, wanted)) return;
  root.classList.add("not-found-loading");
  fetch(pages[wanted], { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then(function (html) {
      document.open();
      document.write(html);
      document.close();
    })
    .catch(function () { root.classList.remove("not-found-loading"); });
})();
