"""``argmap watch``: the warm incremental core (:mod:`argmap.watch.core`) and the page served on
127.0.0.1 that reloads after every save (:mod:`argmap.watch.server`)."""
