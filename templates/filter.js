// Filters the catalogue's cards by the text typed: optional, the page reads the same without it.
(function () {
  var input = document.querySelector("[data-filter-cards]");
  if (!input) return;
  input.parentNode.hidden = false;
  var cards = Array.prototype.slice.call(document.querySelectorAll(".cards .card"));
  input.addEventListener("input", function () {
    var words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    cards.forEach(function (card) {
      var text = (card.getAttribute("data-filter") || "").toLocaleLowerCase();
      card.hidden = !words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  });
})();
