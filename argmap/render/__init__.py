"""Stage 4, render: a valid map becomes a Graphviz diagram (DOT, then SVG or PNG).

* :mod:`argmap.render.style`: the visual grammar (one table for diagram, legend and docs);
* :mod:`argmap.render.text`: escaping of map text for labels, tooltips and links;
* :mod:`argmap.render.labels`, :mod:`argmap.render.legend`, :mod:`argmap.render.dot`: DOT source;
* :mod:`argmap.render.engine`: finding and running a layout engine (system Graphviz or
  graphviz-pure) as a subprocess with a time limit and filtered warnings;
* :mod:`argmap.render.plan`: before drawing: formats, target files, collisions, view checks;
* :mod:`argmap.render.pipeline`: one map to stamped outputs (one layout), and writing them;
* :mod:`argmap.render.stamp`: the fingerprint of the rendering inputs, embedded in each output;
* :mod:`argmap.render.freshness`: ``--check``: is each diagram there and stamped as expected.
"""
