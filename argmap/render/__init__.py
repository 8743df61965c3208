"""Stage 4, render: a valid map becomes a Graphviz diagram (DOT, then SVG or PNG).

* :mod:`argmap.render.style`: the visual grammar (one table for diagram, legend and docs);
* :mod:`argmap.render.text`: escaping of map text for labels, tooltips and links;
* :mod:`argmap.render.labels`, :mod:`argmap.render.legend`, :mod:`argmap.render.dot`: DOT source;
* :mod:`argmap.render.engine`: finding and running a layout engine (system Graphviz or
  graphviz-pure) as a subprocess with a time limit and filtered warnings;
* :mod:`argmap.render.stamp`: the hash of the rendering inputs, embedded in each output.
"""
