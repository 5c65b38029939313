// The search box of the exported network page (network_html(..., search=True)); see
// rendering.py, which reads this file and appends it to the page's script. It uses the page's
// `graphData` and `network`. The partner names reach the <datalist> only through textContent,
// so no workbook text is ever parsed as HTML; the "not found" sentence comes from the status
// element's data-not-found attribute.
(function () {
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-names");
  var status = document.getElementById("search-status");
  var notFound = status.getAttribute("data-not-found") || "";
  var byName = {};
  function key(text) { return String(text).replace(/\s+/g, " ").trim().toLowerCase(); }
  graphData.nodes.forEach(function (node) {
    var name = key(node.label);
    if (!name || byName[name] !== undefined) { return; }
    byName[name] = node.id;
    var option = document.createElement("option");
    option.textContent = String(node.label);
    list.appendChild(option);
  });
  function focusPartner() {
    var id = byName[key(input.value)];
    if (id === undefined) {
      status.textContent = input.value.trim() ? notFound : "";
      return;
    }
    status.textContent = "";
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
  }
  input.addEventListener("change", focusPartner);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { focusPartner(); }
  });
})();
