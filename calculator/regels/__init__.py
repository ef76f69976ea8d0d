"""The rules, one small function per rule, grouped as content/regels/ is grouped."""
