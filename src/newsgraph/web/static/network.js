// Actor network drawn with the vendored Cytoscape.js. The data comes from a
// <script type="application/json"> block (JSON.parse, never eval); labels are
// drawn on canvas, so names are never parsed as HTML.
"use strict";
(function () {
  const box = document.getElementById("cy");
  const source = document.getElementById("network-data");
  if (!box || !source || typeof cytoscape !== "function") return;
  const data = JSON.parse(source.textContent);
  const max = Math.max(1, ...data.nodes.map((n) => n.weight));
  const elements = [
    ...data.nodes.map((n) => ({ group: "nodes", data: { ...n, size: 14 + 36 * Math.sqrt(n.weight / max) } })),
    ...data.edges.map((e) => ({ group: "edges", data: { ...e, width: Math.min(1 + e.weight, 10) } })),
  ];
  const cy = cytoscape({
    container: box,
    elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)",
        "background-color": "#4a6fa5", "font-size": 10, color: "#222", "text-valign": "bottom", "text-margin-y": 3 } },
      { selector: "node[entity_type = 'person']", style: { "background-color": "#7b5ea7" } },
      { selector: "node[entity_type = 'state']", style: { "background-color": "#2f7f86" } },
      { selector: "edge", style: { width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "line-color": "#b33", "target-arrow-color": "#b33", opacity: 0.7 } },
      { selector: "edge[polarity = 'cooperation']", style: { "line-color": "#2a8a3e", "target-arrow-color": "#2a8a3e" } },
      { selector: ".faded", style: { opacity: 0.12 } },
    ],
    layout: { name: data.nodes.length > 60 ? "circle" : "cose", animate: false, randomize: false },
  });
  window.__networkReady = cy.nodes().length;  // for the browser tests
  cy.on("tap", "node", (evt) => { window.location.href = "/entities/" + encodeURIComponent(evt.target.id()); });
  cy.on("tap", "edge", (evt) => {
    const d = evt.target.data();
    const q = new URLSearchParams({ actor: d.source, target: d.target, type: d.event_type });
    window.location.href = "/events?" + q.toString();
  });
  cy.on("mouseover", "node", (evt) => {
    cy.elements().addClass("faded");
    evt.target.closedNeighborhood().removeClass("faded");
  });
  cy.on("mouseout", "node", () => cy.elements().removeClass("faded"));
})();
