"""Reading other tools' argument maps (AIF, xAIF, OVA+, Argdown JSON) into argmap's format."""
