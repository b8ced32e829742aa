// The hospkg page: draws the neighbourhood of one entity with cytoscape.js
// (vendor/, embedded; no CDN), fetched per click from /api/neighbourhood and
// capped ("more…" asks for twice as many), and shows the entity's facts and
// evidence as HTML text from /facts, the panel the server rendered first.
(function () {
  "use strict";

  var colours = { Hospital: "#c0392b", Institution: "#2e6fd8", Department: "#27ae60", Official: "#e08e0b" };
  var body = document.body;
  var state = {
    id: body.dataset.id || "",
    name: body.dataset.query || "",
    hops: Number(body.dataset.hops) || 1,
    limit: 60
  };
  var statusLine = document.getElementById("status");
  var moreButton = document.getElementById("more");
  var edgePanel = document.getElementById("edge");
  var factsPanel = document.getElementById("facts");
  var hopsSelect = document.getElementById("hops");
  var input = document.getElementById("q");
  var completions = document.getElementById("completions");

  var cy = cytoscape({
    container: document.getElementById("cy"),
    minZoom: 0.2,
    maxZoom: 3,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(name)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        "background-color": function (n) { return colours[n.data("type")] || "#888"; },
        "width": 22, "height": 22, "text-wrap": "ellipsis", "text-max-width": 140,
        "text-background-color": "#fff", "text-background-opacity": 0.7, "text-background-padding": 1
      } },
      { selector: "node[depth = 0]", style: { "width": 34, "height": 34, "border-width": 3, "border-color": "#222", "font-weight": "bold" } },
      { selector: "edge", style: {
        "label": "data(label)", "font-size": 9, "color": "#444", "curve-style": "bezier",
        "target-arrow-shape": "triangle", "arrow-scale": 0.8, "line-color": "#9aa", "target-arrow-color": "#9aa",
        "width": function (e) { var c = e.data("confidence"); return c == null ? 1.5 : 1 + 3 * c; },
        "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8
      } },
      { selector: "edge[predicate = 'partner_of']", style: { "target-arrow-shape": "none", "line-style": "dashed" } },
      { selector: "edge:selected", style: { "line-color": "#111", "target-arrow-color": "#111", "color": "#111" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } }
    ]
  });
  // For the browser test and for the curious: the graph and whether it is drawn.
  window.hospkg = { cy: cy, ready: false, loads: 0 };

  function checked(name) {
    return Array.prototype.filter.call(document.querySelectorAll("input[name=" + name + "]"), function (b) { return b.checked; })
      .map(function (b) { return b.value; });
  }

  function filterParams(p) {
    var all = { predicate: 5, type: 4 };
    Object.keys(all).forEach(function (name) {
      var on = checked(name);
      if (on.length < all[name]) {
        on.forEach(function (v) { p.append(name, v); });
      }
    });
    return p;
  }

  function params() {
    var p = new URLSearchParams();
    if (state.id) { p.set("id", state.id); } else { p.set("name", state.name); }
    return filterParams(p);
  }

  function fetchJSON(url) {
    return fetch(url).then(function (r) {
      return r.json().then(function (v) {
        if (!r.ok) { throw new Error(v.error || r.statusText); }
        return v;
      });
    });
  }

  function edgeLabel(e) {
    var l = e.predicate + (e.title ? " " + e.title : "");
    return e.confidence == null ? l : l + " " + e.confidence.toFixed(2);
  }

  function draw(n) {
    cy.elements().remove();
    var names = {};
    n.nodes.forEach(function (node) { names[node.id] = node.name; });
    cy.add(n.nodes.map(function (node) { return { group: "nodes", data: node }; }));
    cy.add(n.edges.map(function (e) {
      var data = Object.assign({}, e, { label: edgeLabel(e), sourceName: names[e.source], targetName: names[e.target] });
      return { group: "edges", data: data };
    }));
    // Rings by depth first, then forces from there: the same graph is
    // drawn the same way twice.
    cy.layout({ name: "concentric", animate: false, concentric: function (node) { return 10 - node.data("depth"); },
      levelWidth: function () { return 1; } }).run();
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 400000; },
      idealEdgeLength: function () { return 110; }, nodeOverlap: 20, gravity: 0.3, numIter: 1000 }).run();
    cy.fit(undefined, 30);
    moreButton.hidden = !n.truncated;
    moreButton.textContent = "more… (" + n.omitted + "+ not shown)";
    statusLine.textContent = n.nodes.length + " entities, " + n.edges.length + " facts" +
      (n.truncated ? "; the " + n.omitted + "+ beyond the limit are not drawn" : "");
  }

  function showFacts() {
    var p = params();
    p.set("limit", String(state.limit));
    return fetch("/facts?" + p.toString()).then(function (r) { return r.text(); }).then(function (html) {
      factsPanel.innerHTML = html; // rendered by html/template: escaped
    });
  }

  function load(push) {
    if (!state.id && !state.name) { return Promise.resolve(); }
    window.hospkg.ready = false;
    statusLine.textContent = "reading…";
    edgePanel.hidden = true;
    var p = params();
    p.set("hops", String(state.hops));
    p.set("limit", String(state.limit));
    return fetchJSON("/api/neighbourhood?" + p.toString()).then(function (n) {
      state.id = n.centre[0];
      var centre = n.nodes.filter(function (node) { return node.id === state.id; })[0];
      if (centre) {
        state.name = centre.name;
        input.value = centre.name;
        document.title = centre.name + " — hospkg";
      }
      if (push) {
        history.pushState({ id: state.id, name: state.name, hops: state.hops }, "", "/?q=" + encodeURIComponent(state.name) +
          (state.hops > 1 ? "&hops=" + state.hops : ""));
      }
      draw(n);
      return showFacts();
    }).then(function () {
      window.hospkg.ready = true;
      window.hospkg.loads++;
    }).catch(function (err) {
      statusLine.textContent = err.message;
      window.hospkg.ready = true;
    });
  }

  function recentre(id) {
    state.id = id;
    state.limit = 60;
    load(true);
  }

  function showEdge(e) {
    edgePanel.textContent = "";
    var h = document.createElement("h2");
    h.textContent = e.sourceName + " " + e.predicate + (e.title ? " " + e.title : "") + " " + e.targetName;
    edgePanel.appendChild(h);
    if (e.confidence != null) {
      var c = document.createElement("p");
      c.textContent = "confidence " + e.confidence.toFixed(2);
      edgePanel.appendChild(c);
    }
    var list = document.createElement("ul");
    list.className = "evidence";
    e.evidence.forEach(function (ev) {
      var li = document.createElement("li");
      var q = document.createElement("q");
      q.className = "sentence";
      q.textContent = ev.text || "(stated by the document, no sentence kept)";
      var cite = document.createElement("cite");
      cite.textContent = ev.date ? ev.doc + ", " + ev.date : ev.doc;
      li.appendChild(q);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(cite);
      list.appendChild(li);
    });
    edgePanel.appendChild(list);
    edgePanel.hidden = false;
  }

  cy.on("tap", "node", function (evt) { recentre(evt.target.id()); });
  cy.on("tap", "edge", function (evt) { showEdge(evt.target.data()); });

  factsPanel.addEventListener("click", function (evt) {
    var a = evt.target.closest("a[data-id]");
    if (a) {
      evt.preventDefault();
      recentre(a.dataset.id);
    }
  });

  document.getElementById("search").addEventListener("submit", function (evt) {
    evt.preventDefault();
    var name = input.value.trim();
    if (!name) { return; }
    state.id = "";
    state.name = name;
    state.hops = Number(hopsSelect.value);
    state.limit = 60;
    load(true);
  });

  hopsSelect.addEventListener("change", function () {
    state.hops = Number(hopsSelect.value);
    load(true);
  });
  document.getElementById("filters").addEventListener("change", function () { load(false); });
  moreButton.addEventListener("click", function () {
    state.limit = Math.min(state.limit * 2, 1000);
    load(false);
  });

  var pending = 0;
  input.addEventListener("input", function () {
    var q = input.value.trim();
    var mine = ++pending;
    if (!q) { return; }
    setTimeout(function () {
      if (mine !== pending) { return; }
      fetchJSON("/api/search?q=" + encodeURIComponent(q)).then(function (found) {
        if (mine !== pending) { return; }
        completions.textContent = "";
        found.forEach(function (m) {
          var o = document.createElement("option");
          o.value = m.name;
          o.label = (m.alias ? m.alias + " → " : "") + m.type;
          completions.appendChild(o);
        });
      }).catch(function () { /* completion is a help, not a must */ });
    }, 120);
  });

  window.addEventListener("popstate", function (evt) {
    if (!evt.state) { return; }
    state.id = evt.state.id;
    state.name = evt.state.name;
    state.hops = evt.state.hops;
    hopsSelect.value = String(state.hops);
    load(false);
  });

  function download(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function fileName(ext) { return (state.name || "hospkg").replace(/[\\/:*?"<>|]/g, "_") + "." + ext; }

  document.getElementById("export-png").addEventListener("click", function () {
    download(fileName("png"), cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" }));
  });

  function xml(s) {
    return String(s == null ? "" : s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // GraphML of the drawn view: the keys of hospkg export --format graphml.
  document.getElementById("export-graphml").addEventListener("click", function () {
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="name" for="node" attr.name="name" attr.type="string"/>',
      '<key id="type" for="node" attr.name="type" attr.type="string"/>',
      '<key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>',
      '<key id="title" for="edge" attr.name="title" attr.type="string"/>',
      '<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
      '<key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
      '<graph edgedefault="directed">'];
    cy.nodes().forEach(function (n) {
      out.push('<node id="' + xml(n.id()) + '"><data key="name">' + xml(n.data("name")) + '</data><data key="type">' +
        xml(n.data("type")) + "</data></node>");
    });
    cy.edges().forEach(function (e, i) {
      var d = e.data();
      var line = '<edge id="e' + i + '" source="' + xml(d.source) + '" target="' + xml(d.target) + '"><data key="predicate">' +
        xml(d.predicate) + "</data>";
      if (d.title) { line += '<data key="title">' + xml(d.title) + "</data>"; }
      if (d.confidence != null) { line += '<data key="confidence">' + d.confidence + "</data>"; }
      if (d.evidence.length) { line += '<data key="evidence">' + xml(d.evidence[0].text) + "</data>"; }
      out.push(line + "</edge>");
    });
    out.push("</graph>", "</graphml>");
    download(fileName("graphml"), new Blob([out.join("\n") + "\n"], { type: "application/graphml+xml" }));
  });

  if (state.id || state.name) {
    history.replaceState({ id: state.id, name: state.name, hops: state.hops }, "", location.href);
    load(false);
  } else {
    window.hospkg.ready = true;
  }
})();
