// The search box of the exported network page (network_html(..., search=True)); see
// rendering.py, which reads this file and appends it to the page's script. It uses the page's
// `graphData`, `network` and `fitted`. The partner names reach the <datalist> only through textContent,
// so no workbook text is ever parsed as HTML; the sentences come from the status element's
// data-not-found and data-found-many attributes.
//
// A name is found by any part of it, whatever the case ("olpe" finds "Kreisstadt Olpe"): a
// whole name typed exactly wins, else the most important match (the label engine's rank); when
// several match, the status says how many. When nothing matches, the last selection is cleared.
(function () {
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-names");
  var status = document.getElementById("search-status");
  var notFound = status.getAttribute("data-not-found") || "";
  var foundMany = status.getAttribute("data-found-many") || "";
  var entries = [];
  var seen = {};
  function key(text) { return String(text).replace(/\s+/g, " ").trim().toLowerCase(); }
  graphData.nodes.forEach(function (node) {
    var name = key(node.label);
    if (!name || seen[name]) { return; }
    seen[name] = true;
    entries.push({ id: node.id, key: name, label: String(node.label),
                   rank: node.rank === undefined ? node.id : node.rank });
    var option = document.createElement("option");
    option.textContent = String(node.label);
    list.appendChild(option);
  });
  entries.sort(function (a, b) { return a.rank - b.rank; });
  function focusPartner() {
    var wanted = key(input.value);
    if (!wanted) {
      status.textContent = "";
      network.unselectAll();
      return;
    }
    var matches = entries.filter(function (entry) { return entry.key.indexOf(wanted) !== -1; });
    var exact = matches.filter(function (entry) { return entry.key === wanted; });
    var best = exact.length ? exact[0] : matches[0];
    if (!best) {
      status.textContent = notFound;
      network.unselectAll();
      return;
    }
    status.textContent = matches.length > 1 && !exact.length
      // A function as replacement: a "$&" in a name stays as written.
      ? foundMany.replace("{count}", String(matches.length))
        .replace("{name}", function () { return best.label; }) : "";
    network.selectNodes([best.id]);
    // The view is the user's now: a window resized later keeps the partner in the middle
    // instead of fitting the whole network again (the page's keepFitted).
    fitted.moved();
    network.focus(best.id, { scale: Math.max(network.getScale(), 1.0), animation: false });
  }
  input.addEventListener("change", focusPartner);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { focusPartner(); }
  });
})();
